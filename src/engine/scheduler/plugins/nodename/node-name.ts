/**
 * NodeName: a pod that names a node may only go there.
 * Models pkg/scheduler/framework/plugins/nodename/node_name.go.
 */
import { Code, Status } from '../../framework/status';
import { ActionType } from '../../framework/events';
import type { SchedulerPlugin } from '../../framework/interface';
import { NodeName as NAME } from '../names';

/** The filter reason. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_NODE_NAME], NAME);

/** Builds the plugin. */
export function newNodeName(): SchedulerPlugin {
  return {
    name: NAME,
    filter(_state, pod, nodeInfo) {
      const want = pod.nodeName;
      return want === '' || want === nodeInfo.name ? null : REJECT;
    },
    eventsToRegister() {
      return [{ event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel, label: 'Node' } }];
    },
  };
}
