import { describe, expect, it } from 'vitest';
import type { ApplyOutput, WorkerEvent } from '../../../../protocol/messages';
import { SimulationHost } from '../../../../worker/simulation-host';
import { EXAMPLES } from './index';

/** Applies `text` as the editor does and returns the reply. */
function applier() {
  const events: WorkerEvent[] = [];
  const host = new SimulationHost((e) => events.push(e), { seed: 3, startTimeMs: Date.UTC(2025, 0, 1), paused: true });
  let id = 0;
  return (name: string, text: string): ApplyOutput => {
    host.handle({ type: 'manifest.apply', id: ++id, file: { name, text } });
    const reply = events.filter((e): e is Extract<WorkerEvent, { type: 'reply' }> => e.type === 'reply').pop()!;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as ApplyOutput;
  };
}

const CREATED: Record<string, string> = {
  deployment: 'deployment.apps/web created\n',
  service: 'service/web created\n',
  statefulset: 'service/nginx created\nstatefulset.apps/web created\n',
  daemonset: 'daemonset.apps/node-agent created\n',
  job: 'job.batch/pi created\n',
  cronjob: 'cronjob.batch/hello created\n',
  hpa: 'horizontalpodautoscaler.autoscaling/web created\n',
  'pv-pvc': 'persistentvolume/task-pv created\npersistentvolumeclaim/task-pvc created\npod/task-pv-pod created\n',
  'configmap-secret': 'configmap/app-config created\nsecret/app-secret created\npod/config-demo created\n',
  pod: 'pod/hello created\n',
};

describe('starter manifests', () => {
  it('are all offered, each with its text', () => {
    expect(EXAMPLES.map((e) => e.fileName)).toEqual(Object.keys(CREATED).map((k) => `${k}.yaml`));
    for (const e of EXAMPLES) expect(e.text, e.fileName).toMatch(/^# .*\n(# .*\n)*apiVersion: /);
  });

  it('apply cleanly to a fresh cluster, then again without changes', () => {
    const apply = applier();
    for (const e of EXAMPLES) {
      const out = apply(e.fileName, e.text);
      expect({ file: e.fileName, stdout: out.stdout, stderr: out.stderr, problems: out.problems }).toEqual({ file: e.fileName, stdout: CREATED[e.id], stderr: '', problems: [] });
    }
    // Applying again changes nothing that matters: every object is reported as unchanged or configured (kubectl
    // reports `configured` whenever its patch is not empty, e.g. for a StatefulSet's volumeClaimTemplates, which
    // have no merge key: kubernetes/kubernetes#66450).
    for (const e of EXAMPLES) {
      const again = apply(e.fileName, e.text);
      expect({ file: e.fileName, stderr: again.stderr, exitCode: again.exitCode }).toEqual({ file: e.fileName, stderr: '', exitCode: 0 });
      expect(again.stdout.replaceAll(' configured', ' unchanged'), e.fileName).toBe(CREATED[e.id]!.replaceAll(' created', ' unchanged'));
    }
  });
});
