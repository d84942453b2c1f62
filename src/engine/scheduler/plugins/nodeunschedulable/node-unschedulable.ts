/**
 * NodeUnschedulable: cordoned nodes (spec.unschedulable) take only pods that tolerate
 * node.kubernetes.io/unschedulable:NoSchedule.
 * Models pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { Code, Status } from '../../framework/status';
import { ActionType } from '../../framework/events';
import { asNode } from '../../framework/events';
import type { SchedulerPlugin } from '../../framework/interface';
import { tolerationsTolerateTaint } from '../helper/taints';
import { NodeUnschedulable as NAME } from '../names';

/** The filter reason for cordoned nodes. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const ERR_REASON_UNKNOWN_NODE = 'node not found';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_UNSCHEDULABLE], NAME);
const NO_NODE = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_UNKNOWN_NODE], NAME);

/** Builds the plugin. */
export function newNodeUnschedulable(): SchedulerPlugin {
  return {
    name: NAME,
    filter(_state, pod, nodeInfo) {
      const node = nodeInfo.node;
      if (!node) return NO_NODE;
      if (!node.spec?.unschedulable) return null;
      return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? null : REJECT;
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint, label: 'Node' },
          // Models isSchedulableAfterNodeChange: a node became (or was added) schedulable.
          hint: (_pod, oldObj, newObj) => {
            const o = asNode(oldObj);
            const n = asNode(newObj);
            if (!n) return false;
            return o ? !!o.spec?.unschedulable && !n.spec?.unschedulable : !n.spec?.unschedulable;
          },
        },
        {
          event: { resource: 'UnscheduledPod', actionType: ActionType.UpdatePodToleration, label: 'PodToleration' },
          hint: (pod) => tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT),
        },
      ];
    },
  };
}
