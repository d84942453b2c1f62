import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveTopology, validateClusterConfig } from './topology';

const BASE_LABELS = { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' };
const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('resolveTopology', () => {
  it('names, labels, taints and addresses the default kind cluster: one control plane and two workers', () => {
    const nodes = resolveTopology(DEFAULT_CONFIG);
    expect(nodes.map((n) => [n.name, n.role, n.internalIP, `${n.podCidrPrefix}.0/24`, n.index])).toEqual([
      ['kubeplay-control-plane', 'control-plane', '172.18.0.2', '10.244.0.0/24', 0],
      ['kubeplay-worker', 'worker', '172.18.0.3', '10.244.1.0/24', 1],
      ['kubeplay-worker2', 'worker', '172.18.0.4', '10.244.2.0/24', 2],
    ]);
    expect(nodes[0]!.labels).toEqual({
      ...BASE_LABELS,
      'kubernetes.io/hostname': 'kubeplay-control-plane',
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    });
    expect(nodes[1]!.labels).toEqual({ ...BASE_LABELS, 'kubernetes.io/hostname': 'kubeplay-worker' });
    expect(nodes.map((n) => n.taints)).toEqual([[CP_TAINT], [], []]);
    expect(nodes[2]!.capacity).toEqual({ cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' });
  });

  it('numbers repeated roles as kind does and applies per-node names, labels, capacity and taints', () => {
    const gpu = { key: 'gpu', value: 'true', effect: 'NoSchedule' as const };
    const nodes = resolveTopology({
      name: 'dev',
      nodes: [{ role: 'control-plane' }, { role: 'control-plane' }, { role: 'worker', name: 'big', labels: { disk: 'ssd' }, capacity: { cpu: '16' }, taints: [gpu] }, { role: 'worker' }, { role: 'worker' }],
    });
    expect(nodes.map((n) => n.name)).toEqual(['dev-control-plane', 'dev-control-plane2', 'big', 'dev-worker', 'dev-worker2']);
    expect(nodes[2]!.labels).toEqual({ ...BASE_LABELS, 'kubernetes.io/hostname': 'big', disk: 'ssd' });
    expect(nodes[2]!.capacity).toEqual({ cpu: '16', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' });
    expect(nodes[2]!.taints).toEqual([gpu]);
    expect(nodes[1]!.taints).toEqual([CP_TAINT]);
    expect(nodes[4]!.podCidrPrefix).toBe('10.244.4');
  });

  it('leaves a one-node cluster untainted, as kind does, so workloads run on the control plane', () => {
    const gpu = { key: 'gpu', value: 'true', effect: 'NoSchedule' as const };
    const [only] = resolveTopology({ nodes: [{ role: 'control-plane', name: 'kraken' }] });
    expect([only!.name, only!.role, only!.taints]).toEqual(['kraken', 'control-plane', []]);
    expect(only!.labels['node-role.kubernetes.io/control-plane']).toBe('');
    // Configured taints stay; with a second node the control plane is tainted again.
    expect(resolveTopology({ nodes: [{ role: 'control-plane', taints: [gpu] }] })[0]!.taints).toEqual([gpu]);
    expect(resolveTopology({ nodes: [{ role: 'control-plane' }, { role: 'control-plane' }] }).map((n) => n.taints)).toEqual([[CP_TAINT], [CP_TAINT]]);
  });
});

describe('validateClusterConfig', () => {
  it('accepts the default and a minimal config', () => {
    expect(validateClusterConfig(DEFAULT_CONFIG)).toEqual([]);
    expect(validateClusterConfig({})).toEqual([]);
    expect(validateClusterConfig({ nodes: [{ role: 'control-plane' }] })).toEqual([]);
  });

  it.each<[string, Parameters<typeof validateClusterConfig>[0], string[]]>([
    ['wrong kind and apiVersion, no nodes', { kind: 'Pod' as 'Cluster', apiVersion: 'v1', nodes: [] }, [
      'kind must be "Cluster", got "Pod"',
      'apiVersion must be "kind.x-k8s.io/v1alpha4", got "v1"',
      'nodes: at least one node is required',
    ]],
    ['no control plane', { nodes: [{ role: 'worker' }] }, ['nodes: must have at least one control-plane node']],
    ['bad role and capacity', { nodes: [{ role: 'control-plane', capacity: { cpu: 'lots' } }, { role: 'boss' as 'worker' }] }, [
      'nodes[0].capacity.cpu: invalid quantity "lots"',
      'nodes[1].role: must be "control-plane" or "worker"',
    ]],
    ['duplicate names', { nodes: [{ role: 'control-plane' }, { role: 'worker', name: 'kubeplay-control-plane' }] }, ['nodes: duplicate node name "kubeplay-control-plane"']],
  ])('%s', (_name, cfg, problems) => {
    expect(validateClusterConfig(cfg)).toEqual(problems);
  });

  it('rejects a node name that is not a DNS subdomain', () => {
    expect(validateClusterConfig({ nodes: [{ role: 'control-plane', name: 'Bad_Name' }] })).toEqual([
      "nodes[0].name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});
