import { describe, expect, it } from 'vitest';
import type { ApiStatus } from '../../engine';
import { session } from './support/testing/harness';
import type { LogOptions } from './logs';

describe('kubectl logs', () => {
  it("prints the kubelet's error while the container has not started, and its log once it runs", () => {
    const s = session();
    s.ok('kubectl run web --image=nginx');
    expect(s.run('kubectl logs web').output).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    s.cluster.advance(30_000);
    expect(s.run('kubectl logs web').exitCode).toBe(0);
    expect(s.run('kubectl logs web -p').output).toBe('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
  });

  it('prints nothing and succeeds when the host has no log source', () => {
    const s = session();
    s.ok('kubectl run web --image=nginx');
    Object.assign(s.cluster, { logs: undefined });
    const r = s.run('kubectl logs web');
    expect(r.output).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('asks the cluster log source for the chosen container with the options given', () => {
    const s = session();
    s.ok('kubectl run web --image=nginx');
    const calls: unknown[] = [];
    Object.assign(s.cluster, {
      logs: (ns: string, pod: string, container: string, opts: LogOptions) => {
        calls.push([ns, pod, container, opts]);
        return 'line 1\nline 2\n';
      },
    });
    expect(s.run('kubectl logs web --tail=2 -p').output).toBe('line 1\nline 2\n');
    expect(calls).toEqual([['default', 'web', 'web', { previous: true, timestamps: false, tailLines: 2 }]]);
    expect(s.run('kubectl logs web --prefix').output).toBe('[pod/web/web] line 1\n[pod/web/web] line 2\n');
  });

  it('renders the errors of the log source', () => {
    const s = session();
    s.ok('kubectl run web --image=nginx');
    const status: ApiStatus = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'container "web" in pod "web" is waiting to start: ContainerCreating', reason: 'BadRequest', code: 400 };
    Object.assign(s.cluster, { logs: () => ({ ok: false, status }) });
    expect(s.run('kubectl logs web').output).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
  });

  it('prints the whole log of a finished container with -f and refuses to follow a running one', () => {
    const s = session();
    s.ok('kubectl run once --image=busybox --restart=Never -- echo hello');
    s.ok('kubectl run web --image=nginx');
    s.cluster.advance(60_000);
    expect(s.ok("kubectl get pod once -o jsonpath='{.status.phase}'")).toBe('Succeeded');
    const r = s.run('kubectl logs -f once');
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(s.run('kubectl logs once').output);
    expect(s.run('kubectl logs -f web').output).toBe('error: --follow is not supported in this terminal yet: run kubectl logs without -f to print the current log\n');
  });

  it('picks a pod of a workload and says which', () => {
    const s = session();
    s.ok('kubectl create deployment web --image=nginx --replicas=2');
    s.cluster.advance(30_000);
    const r = s.run('kubectl logs deploy/web');
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-\w+-\w{5}\n$/);
    expect(r.exitCode).toBe(0);
  });

  it("reports kubectl's errors", () => {
    const s = session();
    s.ok('kubectl run web --image=nginx');
    expect(s.run('kubectl logs').output).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect(s.run('kubectl logs nope').output).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    expect(s.run('kubectl logs web -c side').output).toBe('error: container side is not valid for pod web\n');
    expect(s.run('kubectl logs web web -c web').output).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n');
    expect(s.run('kubectl logs web -l run=web').output).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect(s.run('kubectl logs -l app=none').output).toBe('No resources found in default namespace.\n');
  });
});
