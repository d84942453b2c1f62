/**
 * The DaemonSet controller and its helpers, exported for the kubectl side (`rollout history/undo` of DaemonSets
 * compare templates with ControllerRevisions the way the controller writes them).
 */
export { startDaemonSetController, DAEMONSET_CONTROLLER } from './daemon-controller';
export { nodeShouldRunDaemonPod, newDaemonPod, type NodePlacement } from './node-should-run';
export { planRollingUpdate, updatedDesiredNodeCounts, findUpdatedPodsOnNode, type RollingUpdatePlan, type UpdateBudget } from './update';
export { daemonSetTemplatePatch, matchesRevision, byRevision, type StoredControllerRevision } from './history';
export {
  addOrUpdateDaemonPodTolerations,
  createPodTemplate,
  surgeCount,
  unavailableCount,
  allowsSurge,
  isPodUpdated,
  getTemplateGeneration,
  CONTROLLER_REVISION_HASH_LABEL,
  TEMPLATE_GENERATION_LABEL,
  TEMPLATE_GENERATION_ANNOTATION,
  type StoredDaemonSet,
} from './util/daemonset-util';
