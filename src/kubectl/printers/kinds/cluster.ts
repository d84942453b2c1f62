/**
 * Tables of cluster-level kinds: Node, Namespace, Lease, PriorityClass.
 * Models pkg/printers/internalversion/printers.go printNode, printNamespace, printLease, printPriorityClass.
 */
import type { Lease, Namespace, Node, Stored } from '../../../engine';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** The node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted. */
// Models printers.go findNodeRoles.
export function nodeRoles(node: Stored<Node>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** The node STATUS column: Ready / NotReady / Unknown, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Stored<Node>): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status: string[] = [];
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Stored<Node>, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

/** `kubectl get nodes`. */
export const nodeHandler: KindHandler = {
  kinds: ['Node'],
  columns: [
    NAME_COLUMN, col('STATUS'), col('ROLES'), AGE_COLUMN, col('VERSION'),
    wideCol('INTERNAL-IP'), wideCol('EXTERNAL-IP'), wideCol('OS-IMAGE'), wideCol('KERNEL-VERSION'), wideCol('CONTAINER-RUNTIME'),
  ],
  row(obj, { nowMs }) {
    const node = as<Stored<Node>>(obj);
    const info = node.status?.nodeInfo;
    const roles = nodeRoles(node).join(',');
    return [
      node.metadata.name, nodeStatus(node), roles === '' ? '<none>' : roles,
      translateTimestampSince(node.metadata.creationTimestamp, nowMs), info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** `kubectl get namespaces`. */
export const namespaceHandler: KindHandler = {
  kinds: ['Namespace'],
  columns: [NAME_COLUMN, col('STATUS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const ns = as<Stored<Namespace>>(obj);
    return [ns.metadata.name, ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get leases`. */
export const leaseHandler: KindHandler = {
  kinds: ['Lease'],
  columns: [NAME_COLUMN, col('HOLDER'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const lease = as<Stored<Lease>>(obj);
    return [lease.metadata.name, lease.spec?.holderIdentity ?? '', translateTimestampSince(lease.metadata.creationTimestamp, nowMs)];
  },
};

/**
 * `kubectl get priorityclasses`. PREEMPTIONPOLICY is a priority-0 column upstream whose cell is only filled for
 * wide tables; the apiserver always builds wide tables, so it always shows.
 */
export const priorityClassHandler: KindHandler = {
  kinds: ['PriorityClass'],
  columns: [NAME_COLUMN, col('VALUE'), col('GLOBAL-DEFAULT'), AGE_COLUMN, col('PREEMPTIONPOLICY')],
  row(obj, { nowMs }) {
    const pc = as<Stored<PriorityClass>>(obj);
    return [
      pc.metadata.name, String(pc.value ?? 0), String(pc.globalDefault === true),
      translateTimestampSince(pc.metadata.creationTimestamp, nowMs), pc.preemptionPolicy ?? '',
    ];
  },
};
