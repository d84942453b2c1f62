/**
 * NodePorts: a pod's host ports must be free on the node.
 * Models pkg/scheduler/framework/plugins/nodeports/node_ports.go.
 */
import { Code, SKIP, Status } from '../../framework/status';
import { ActionType, asPod } from '../../framework/events';
import type { SchedulerPlugin } from '../../framework/interface';
import { HostPortInfo } from '../../framework/node-info';
import { PodInfo } from '../../framework/pod-info';
import { NodePorts as NAME } from '../names';

/** The filter reason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECT = new Status(Code.Unschedulable, [ERR_REASON_NODE_PORTS], NAME);

/** Builds the plugin. */
export function newNodePorts(): SchedulerPlugin {
  return {
    name: NAME,
    preFilter(_state, pod) {
      return pod.hostPorts.length === 0 ? { status: SKIP } : null;
    },
    filter(_state, pod, nodeInfo) {
      const used = nodeInfo.usedPorts;
      if (used.size === 0) return null;
      for (const p of pod.hostPorts) if (used.checkConflict(p.ip, p.protocol, p.port)) return REJECT;
      return null;
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Pod', actionType: ActionType.Delete, label: 'PodDelete' },
          // Models isSchedulableAfterPodDeleted: only a deleted bound pod holding one of our ports helps.
          hint: (pod, oldObj) => {
            const deleted = asPod(oldObj);
            if (!deleted || (!deleted.spec?.nodeName && !deleted.status?.nominatedNodeName)) return false;
            const ports = PodInfo.of(deleted).hostPorts;
            if (ports.length === 0) return false;
            const inUse = new HostPortInfo();
            for (const p of ports) inUse.add(p.ip, p.protocol, p.port);
            return pod.hostPorts.some((p) => inUse.checkConflict(p.ip, p.protocol, p.port));
          },
        },
        { event: { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' } },
      ];
    },
  };
}
