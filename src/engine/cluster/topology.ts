/**
 * Cluster topology from a kind-style config (`kind: Cluster`, `apiVersion: kind.x-k8s.io/v1alpha4`), extended
 * with per-node `name`, `capacity` and `taints` so a lesson can declare the cluster its material shows.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { isValidQuantity } from '../api/quantity';
import { dns1123SubdomainErrors } from '../api/names';

/** One node as configured. */
export interface NodeConfig {
  role: 'control-plane' | 'worker';
  name?: string;
  labels?: Record<string, string>;
  /** Extension: resources the node reports (`cpu`, `memory`, `pods`, `ephemeral-storage`). */
  capacity?: Record<string, string>;
  /** Extension: taints in addition to the control-plane default. */
  taints?: Taint[];
}

/** The `kind: Cluster` document. */
export interface ClusterConfig {
  kind?: 'Cluster';
  apiVersion?: string;
  name?: string;
  nodes?: NodeConfig[];
  networking?: { podSubnet?: string; serviceSubnet?: string };
}

/** A node after defaults: everything the bootstrap needs. */
export interface ResolvedNode {
  name: string;
  role: 'control-plane' | 'worker';
  labels: Record<string, string>;
  capacity: Record<string, string>;
  taints: Taint[];
  /** Index in the cluster: node i gets podCIDR 10.244.i.0/24 and address 172.18.0.(i+2). */
  index: number;
  internalIP: string;
  podCidrPrefix: string;
}

export const DEFAULT_CLUSTER_NAME = 'kubeplay';

const DEFAULT_CAPACITY: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' };

/** The default: one control-plane node and two workers, as `kind create cluster` with a two-worker config gives. */
export const DEFAULT_CONFIG: ClusterConfig = {
  kind: 'Cluster',
  apiVersion: 'kind.x-k8s.io/v1alpha4',
  name: DEFAULT_CLUSTER_NAME,
  nodes: [{ role: 'control-plane' }, { role: 'worker' }, { role: 'worker' }],
};

/** Validates a config, returning human-readable problems (empty when fine). */
export function validateClusterConfig(cfg: ClusterConfig): string[] {
  const errs: string[] = [];
  if (cfg.kind !== undefined && cfg.kind !== 'Cluster') errs.push(`kind must be "Cluster", got ${JSON.stringify(cfg.kind)}`);
  if (cfg.apiVersion !== undefined && cfg.apiVersion !== 'kind.x-k8s.io/v1alpha4') errs.push(`apiVersion must be "kind.x-k8s.io/v1alpha4", got ${JSON.stringify(cfg.apiVersion)}`);
  const nodes = cfg.nodes ?? [];
  if (nodes.length === 0 && cfg.nodes !== undefined) errs.push('nodes: at least one node is required');
  if (nodes.length > 0 && !nodes.some((n) => n.role === 'control-plane')) errs.push('nodes: must have at least one control-plane node');
  nodes.forEach((n, i) => {
    if (n.role !== 'control-plane' && n.role !== 'worker') errs.push(`nodes[${i}].role: must be "control-plane" or "worker"`);
    if (n.name !== undefined) for (const e of dns1123SubdomainErrors(n.name)) errs.push(`nodes[${i}].name: ${e}`);
    for (const [k, v] of Object.entries(n.capacity ?? {})) if (!isValidQuantity(v)) errs.push(`nodes[${i}].capacity.${k}: invalid quantity ${JSON.stringify(v)}`);
  });
  const names = resolveNames(cfg);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) errs.push(`nodes: duplicate node name "${dup}"`);
  return errs;
}

function resolveNames(cfg: ClusterConfig): string[] {
  const cluster = cfg.name ?? DEFAULT_CLUSTER_NAME;
  let cp = 0;
  let worker = 0;
  return (cfg.nodes ?? DEFAULT_CONFIG.nodes!).map((n) => {
    if (n.name) return n.name;
    // kind names nodes <cluster>-control-plane, <cluster>-control-plane2, <cluster>-worker, <cluster>-worker2 ...
    if (n.role === 'control-plane') return `${cluster}-control-plane${++cp === 1 ? '' : cp}`;
    return `${cluster}-worker${++worker === 1 ? '' : worker}`;
  });
}

/**
 * Applies defaults: names, standard labels, capacity, the control-plane taint (except on a one-node cluster),
 * addresses and pod CIDRs.
 */
export function resolveTopology(cfg: ClusterConfig): ResolvedNode[] {
  const names = resolveNames(cfg);
  const configured = cfg.nodes ?? DEFAULT_CONFIG.nodes!;
  // Models kind pkg/cluster/internal/create/actions/kubeadminit/init.go Execute: when the cluster is a single
  // node, kind removes the control-plane taint so that workloads can run on it.
  const isSingleNode = configured.length === 1;
  return configured.map((n, i) => {
    const name = names[i]!;
    const isCp = n.role === 'control-plane';
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      ...(isCp ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      ...(n.labels ?? {}),
    };
    const taints: Taint[] = [...(isCp && !isSingleNode ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []), ...(n.taints ?? [])];
    return {
      name,
      role: n.role,
      labels,
      capacity: { ...DEFAULT_CAPACITY, ...(n.capacity ?? {}) },
      taints,
      index: i,
      internalIP: `172.18.0.${i + 2}`,
      podCidrPrefix: `10.244.${i}`,
    };
  });
}
