import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

describe('kubectl cordon / uncordon', () => {
  it('marks a node unschedulable and back, saying when nothing changes', () => {
    const s = session();
    expect(s.run('kubectl cordon kubeplay-worker').output).toBe('node/kubeplay-worker cordoned\n');
    expect(s.ok('kubectl get node kubeplay-worker -o jsonpath={.spec.unschedulable}')).toBe('true');
    expect(s.run('kubectl cordon kubeplay-worker').output).toBe('node/kubeplay-worker already cordoned\n');
    expect(s.run('kubectl uncordon kubeplay-worker').output).toBe('node/kubeplay-worker uncordoned\n');
    expect(s.ok('kubectl get node kubeplay-worker -o jsonpath={.spec.unschedulable}')).toBe('');
    expect(s.run('kubectl uncordon kubeplay-worker').output).toBe('node/kubeplay-worker already uncordoned\n');
    expect(s.run('kubectl cordon kubeplay-worker --dry-run=client').output).toBe('node/kubeplay-worker cordoned (dry run)\n');
  });

  it("reports kubectl's errors", () => {
    const s = session();
    expect(s.run('kubectl cordon').output).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect(s.run('kubectl cordon nope').output).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});

describe('kubectl drain', () => {
  it('refuses DaemonSet pods without --ignore-daemonsets, after cordoning', () => {
    const s = session();
    const r = s.run('kubectl drain kubeplay-worker');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('node/kubeplay-worker cordoned\n');
    expect(r.stderr).toMatch(
      /^error: unable to drain node "kubeplay-worker" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kindnet-\w{5}, kube-system\/kube-proxy-\w{5}, continuing command\.\.\.\nThere are pending nodes to be drained:\n kubeplay-worker\ncannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kindnet-\w{5}, kube-system\/kube-proxy-\w{5}\n$/,
    );
  });

  it('evicts managed pods, waits for them, and refuses unmanaged ones without --force', () => {
    const s = session();
    s.ok('kubectl create deployment web --image=nginx --replicas=4');
    s.ok('kubectl run solo --image=nginx');
    s.cluster.advance(30_000);
    const node = s.ok('kubectl get pod solo -o jsonpath={.spec.nodeName}');
    const refused = s.run(`kubectl drain ${node} --ignore-daemonsets`);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo');
    const r = s.run(`kubectl drain ${node} --ignore-daemonsets --force`);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^Warning: deleting Pods that declare no controller: default\/solo; ignoring DaemonSet-managed Pods: kube-system\/kindnet-\w{5}, kube-system\/kube-proxy-\w{5}\n$/);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`node/${node} already cordoned`);
    expect(lines.filter((l) => l.startsWith('evicting pod ')).length).toBe(lines.filter((l) => l.endsWith(' evicted')).length);
    expect(lines).toContain('evicting pod default/solo');
    expect(lines).toContain('pod/solo evicted');
    expect(lines[lines.length - 1]).toBe(`node/${node} drained`);
    expect(s.run('kubectl get pod solo').exitCode).toBe(1);
  });

  it('only lists what it would evict on a client dry run', () => {
    const s = session();
    s.ok('kubectl run solo --image=nginx');
    s.cluster.advance(10_000);
    const node = s.ok('kubectl get pod solo -o jsonpath={.spec.nodeName}');
    const r = s.run(`kubectl drain ${node} --ignore-daemonsets --force --dry-run=client`);
    expect(r.stdout).toContain('evicting pod default/solo (dry run)\n');
    expect(r.stdout.endsWith(`node/${node} drained (dry run)\n`)).toBe(true);
    expect(s.run('kubectl get pod solo').exitCode).toBe(0);
  });
});
