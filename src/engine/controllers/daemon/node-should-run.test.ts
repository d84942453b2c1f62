import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { PodSpec, Taint } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod, type StoredNode } from './node-should-run';

function node(name: string, labels: Record<string, string> = {}, taints: Taint[] = []): StoredNode {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } };
}

function ds(spec: Partial<PodSpec> = {}): DaemonSet {
  return { metadata: { name: 'ds', namespace: 'kube-system' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } } } };
}

const CONTROL_PLANE: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('nodeShouldRunDaemonPod', () => {
  it('runs on untainted nodes', () => {
    expect(nodeShouldRunDaemonPod(node('w1'), ds())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('skips the control plane unless its taint is tolerated (a master toleration does not match it)', () => {
    const cp = node('cp', {}, [CONTROL_PLANE]);
    expect(nodeShouldRunDaemonPod(cp, ds({ tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] }))).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(cp, ds({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }))).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('evicts on an untolerated NoExecute taint but tolerates node problems automatically', () => {
    expect(nodeShouldRunDaemonPod(node('w', {}, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node('w', {}, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), ds())).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('w', {}, [{ key: 'dedicated', effect: 'PreferNoSchedule' }]), ds())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('honours nodeSelector, required node affinity and a template nodeName', () => {
    const ssd = node('w1', { disk: 'ssd' });
    const hdd = node('w2', { disk: 'hdd' });
    expect(nodeShouldRunDaemonPod(ssd, ds({ nodeSelector: { disk: 'ssd' } })).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(hdd, ds({ nodeSelector: { disk: 'ssd' } }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }] } } };
    expect(nodeShouldRunDaemonPod(ssd, ds({ affinity })).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(hdd, ds({ affinity })).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(hdd, ds({ nodeName: 'w1' })).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(ssd, ds({ nodeName: 'w1' })).shouldRun).toBe(true);
  });
});
