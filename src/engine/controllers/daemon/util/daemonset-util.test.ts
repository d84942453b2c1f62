import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  addOrUpdateDaemonPodTolerations,
  allowsSurge,
  createPodTemplate,
  getTargetNodeName,
  getTemplateGeneration,
  isPodUpdated,
  replaceDaemonSetPodNodeNameNodeAffinity,
  surgeCount,
  unavailableCount,
} from './daemonset-util';

function ds(rollingUpdate: { maxSurge?: number | string; maxUnavailable?: number | string } | undefined, type = 'RollingUpdate'): DaemonSet {
  return { metadata: { annotations: { 'deprecated.daemonset.template.generation': '3' } }, spec: { selector: {}, template: {}, updateStrategy: { type, ...(rollingUpdate ? { rollingUpdate } : {}) } } };
}

describe('addOrUpdateDaemonPodTolerations', () => {
  it('appends the daemon tolerations after the template ones, in upstream order', () => {
    const spec = { containers: [], tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] };
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node-role.kubernetes.io/control-plane:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('adds network-unavailable for host-network pods and does not duplicate a matching toleration', () => {
    const spec = { containers: [], hostNetwork: true, tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] };
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations).toHaveLength(7);
    // The matching toleration is replaced by the daemon one (no tolerationSeconds: tolerate forever).
    expect(spec.tolerations[0]).toEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
    expect(spec.tolerations[6]).toEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });
});

describe('createPodTemplate', () => {
  it('labels pods with the template generation and the revision hash, leaving the input alone', () => {
    const template = { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const out = createPodTemplate(template, 2, 'abc123');
    expect(out.metadata?.labels).toEqual({ name: 'fluentd', 'pod-template-generation': '2', 'controller-revision-hash': 'abc123' });
    expect(out.spec?.tolerations).toHaveLength(6);
    expect(template.metadata.labels).toEqual({ name: 'fluentd' });
    expect(createPodTemplate(template, undefined, '').metadata?.labels).toEqual({ name: 'fluentd' });
  });
});

describe('surge and unavailability budgets', () => {
  it('rounds percentages up for both (unlike a Deployment, whose maxUnavailable rounds down)', () => {
    expect(unavailableCount(ds({ maxUnavailable: '50%' }), 3)).toEqual({ ok: true, value: 2 });
    expect(unavailableCount(ds({ maxUnavailable: '10%' }), 3)).toEqual({ ok: true, value: 1 });
    expect(surgeCount(ds({ maxUnavailable: 0, maxSurge: '34%' }), 3)).toEqual({ ok: true, value: 2 });
    expect(unavailableCount(ds({ maxUnavailable: 2 }), 10)).toEqual({ ok: true, value: 2 });
  });

  it('is zero for OnDelete or without a rollingUpdate block, and reports bad percentages', () => {
    expect(surgeCount(ds({ maxSurge: 1 }, 'OnDelete'), 3)).toEqual({ ok: true, value: 0 });
    expect(unavailableCount(ds(undefined), 3)).toEqual({ ok: true, value: 0 });
    expect(unavailableCount(ds({ maxUnavailable: 'x' }), 3).ok).toBe(false);
  });

  it('allows surge only with a positive maxSurge', () => {
    expect(allowsSurge(ds({ maxUnavailable: 0, maxSurge: 1 }))).toBe(true);
    expect(allowsSurge(ds({ maxUnavailable: 1, maxSurge: 0 }))).toBe(false);
    expect(allowsSurge(ds({ maxUnavailable: 0, maxSurge: '1%' }))).toBe(true);
  });
});

describe('pod revision checks', () => {
  const pod = (labels: Record<string, string>): Pod => ({ metadata: { labels } });

  it('counts a pod as updated by hash or by template generation', () => {
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h2' }), 'h2', 3)).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1', 'pod-template-generation': '3' }), 'h2', 3)).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1', 'pod-template-generation': '2' }), 'h2', 3)).toBe(false);
    expect(isPodUpdated(pod({}), '', undefined)).toBe(false);
  });

  it('reads the template generation annotation', () => {
    expect(getTemplateGeneration(ds(undefined))).toBe(3);
    expect(getTemplateGeneration({ metadata: { annotations: { 'deprecated.daemonset.template.generation': 'x' } } })).toBeUndefined();
  });
});

describe('node pinning', () => {
  it('replaces any required node affinity with a metadata.name term and keeps the rest', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }],
      },
    };
    const out = replaceDaemonSetPodNodeNameNodeAffinity(affinity, 'node-1');
    expect(out.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] });
    expect(out.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    expect(replaceDaemonSetPodNodeNameNodeAffinity(undefined, 'n').nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values).toEqual(['n']);
  });

  it('finds the target node from nodeName or the pinning term', () => {
    expect(getTargetNodeName({ spec: { containers: [], nodeName: 'a' } })).toBe('a');
    expect(getTargetNodeName({ spec: { containers: [], affinity: replaceDaemonSetPodNodeNameNodeAffinity(undefined, 'b') } })).toBe('b');
    expect(getTargetNodeName({ spec: { containers: [] } })).toBeUndefined();
  });
});
