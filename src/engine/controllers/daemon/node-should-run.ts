/**
 * Whether a DaemonSet wants a pod on a node: the template's nodeName, nodeSelector and required node affinity must
 * admit the node, and the pod (with the automatic daemon tolerations) must tolerate its NoSchedule and NoExecute
 * taints. A pod already there may stay while only NoSchedule taints are untolerated.
 * Models pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod, predicates, NewPod).
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { deepCopy } from '../../api/meta';
import { RequiredNodeAffinity } from '../../scheduler/plugins/helper/node-affinity';
import { findUntoleratedTaint } from '../../scheduler/plugins/helper/taints';
import { addOrUpdateDaemonPodTolerations } from './util/daemonset-util';

/** A node as stored by the apiserver. */
export type StoredNode = Node & KubeObject;

/** The two answers of NodeShouldRunDaemonPod. */
export interface NodePlacement {
  /** A daemon pod should be created on the node when it has none. */
  shouldRun: boolean;
  /** A daemon pod already on the node may keep running. */
  shouldContinueRunning: boolean;
}

/** Models NewPod: the template as a pod on `nodeName` with the daemon tolerations. */
export function newDaemonPod(ds: DaemonSet, nodeName: string): Pod {
  const template = deepCopy(ds.spec?.template ?? {});
  const spec = template.spec ?? { containers: [] };
  spec.nodeName = nodeName;
  addOrUpdateDaemonPodTolerations(spec);
  return { metadata: { ...(template.metadata ?? {}), namespace: ds.metadata?.namespace }, spec };
}

/** Models NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: StoredNode, ds: DaemonSet): NodePlacement {
  const templateNodeName = ds.spec?.template?.spec?.nodeName;
  if (templateNodeName && templateNodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const pod = newDaemonPod(ds, node.metadata.name);
  // Models predicates: the node name always fits (the pod was made for this node); affinity and taints decide.
  if (!new RequiredNodeAffinity(pod).match(node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const tolerations = pod.spec?.tolerations ?? [];
  const blocking = findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule');
  if (!blocking) return { shouldRun: true, shouldContinueRunning: true };
  // A running daemon pod is evicted only by NoExecute taints it does not tolerate.
  const evicting = findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
  return { shouldRun: false, shouldContinueRunning: !evicting };
}
