/**
 * `kubectl describe node`.
 */
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { goBool, rfc1123z, since } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { addQty, milliValueOf, parseQty, qtyString, valueOf, ZERO, type Qty } from './quantity';
import { podRequestsAndLimits, type QtyList } from './resources';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/**
 * The full describe text of a node: roles, taints, lease, conditions, addresses, capacity, system info, the
 * non-terminated pods on it with their share of allocatable, allocated totals, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go NodeDescriber.Describe, describeNode.
 */
export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as unknown as Node;
  const name = obj.metadata.name;
  const pods = ctx
    .list('Pod')
    .filter((p) => {
      const pod = p as unknown as Pod;
      return pod.spec?.nodeName === name && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
    })
    .sort(byStoreKey) as unknown as Pod[];
  // The kubelet records node events with the node name as uid, the controllers with the real uid.
  const byName = ctx.list('Event').filter((e) => {
    const inv = (e as unknown as Event).involvedObject;
    return inv?.kind === 'Node' && inv.name === name && inv.uid === name && name !== obj.metadata.uid;
  });
  const own = eventsOf(ctx, obj);
  const events = own === undefined ? undefined : [...own, ...byName];
  const lease = ctx.get('Lease', NODE_LEASE_NAMESPACE, name) as unknown as Lease | undefined;
  return tabbedString((w) => {
    const spec = node.spec ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(obj.metadata.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
    if (lease) describeNodeLease(lease, w);
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t` +
          `${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string>) => {
      for (const res of Object.keys(list).sort()) w.write(LEVEL_0, `  ${res}:\t${qtyString(parseQty(list[res]))}\n`);
    };
    if (status.capacity && Object.keys(status.capacity).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity);
    }
    if (status.allocatable && Object.keys(status.allocatable).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, ctx.nowMs);
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * Roles from `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` label value, sorted.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go findNodeRoles.
 */
export function findNodeRoles(labels: Readonly<Record<string, string>> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

// Models describe.go describeNodeLease.
function describeNodeLease(lease: Lease, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n');
  const spec = lease.spec ?? {};
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

/** Go's int64(float64) of a percentage: truncated toward zero; NaN and infinities become MinInt64 (amd64). */
function percent(part: number, whole: number): string {
  const pct = (part / whole) * 100;
  return Number.isFinite(pct) ? String(Math.trunc(pct)) : '-9223372036854775808';
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isHugePages = (name: string) => name.startsWith('hugepages-');

/**
 * The `Non-terminated Pods` table and the `Allocated resources` summary, as shares of allocatable.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource.
 */
function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocMap = node.status?.allocatable && Object.keys(node.status.allocatable).length > 0
    ? node.status.allocatable
    : node.status?.capacity ?? {};
  const alloc = (name: string): Qty => (allocMap[name] !== undefined ? parseQty(allocMap[name]) : ZERO);
  const allocCpu = milliValueOf(alloc('cpu'));
  const allocMem = valueOf(alloc('memory'));
  const get = (list: QtyList, name: string) => list.get(name) ?? ZERO;
  const totalReqs: QtyList = new Map();
  const totalLimits: QtyList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const cpuReq = get(requests, 'cpu');
    const cpuLim = get(limits, 'cpu');
    const memReq = get(requests, 'memory');
    const memLim = get(limits, 'memory');
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
      `${qtyString(cpuReq)} (${percent(milliValueOf(cpuReq), allocCpu)}%)\t${qtyString(cpuLim)} (${percent(milliValueOf(cpuLim), allocCpu)}%)\t` +
      `${qtyString(memReq)} (${percent(valueOf(memReq), allocMem)}%)\t${qtyString(memLim)} (${percent(valueOf(memLim), allocMem)}%)\t` +
      `${since(pod.metadata?.creationTimestamp, nowMs)}\n`);
    sumInto(totalReqs, requests);
    sumInto(totalLimits, limits);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, divisor: number, amount: (q: Qty) => number) => {
    const req = get(totalReqs, name);
    const lim = get(totalLimits, name);
    const reqPct = divisor !== 0 ? percent(amount(req), divisor) : '0';
    const limPct = divisor !== 0 ? percent(amount(lim), divisor) : '0';
    w.write(LEVEL_1, `${name}\t${qtyString(req)} (${reqPct}%)\t${qtyString(lim)} (${limPct}%)\n`);
  };
  row('cpu', allocCpu, milliValueOf);
  row('memory', allocMem, valueOf);
  row('ephemeral-storage', valueOf(alloc('ephemeral-storage')), valueOf);
  const names = Object.keys(allocMap);
  for (const name of names.filter(isHugePages).sort()) row(name, valueOf(alloc(name)), valueOf);
  const extended = names.filter((n) => !isHugePages(n) && !STANDARD_RESOURCES.has(n) && n !== 'pods').sort();
  for (const name of extended) {
    w.write(LEVEL_1, `${name}\t${qtyString(get(totalReqs, name))}\t${qtyString(get(totalLimits, name))}\n`);
  }
}

// Models describe.go getPodsTotalRequestsAndLimits: the first pod's quantity sets the format of the sum.
function sumInto(total: QtyList, add: QtyList): void {
  for (const [name, q] of add) {
    const cur = total.get(name);
    total.set(name, cur ? addQty(cur, q) : q);
  }
}

/** Pods in the apiserver's list order: by `namespace/name`. */
function byStoreKey(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
