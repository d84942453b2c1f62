/**
 * The Deployment controller and its rollout arithmetic (fenceposts, rolling steps, proportional scaling,
 * revisions, progress conditions), exported for the kubectl side (`rollout status`, `rollout history`).
 */
export { startDeploymentController, DEPLOYMENT_CONTROLLER } from './deployment-controller';
export * from './util/deployment-util';
export { getScaledValueFromIntOrPercent, type Fallible, type IntOrString } from './util/int-or-string';
export { scaleReplicaSetAndRecordEvent, type ScaleOps, type RolloutOps, type RolloutController, type ScaleOutcome, type ScalingOperation, type ReplicaSetsOfDeployment } from './ops';
export { reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate, rolloutRolling } from './rolling';
export { rolloutRecreate, scaleDownOldReplicaSetsForRecreate, oldPodsRunning, type PodMap } from './recreate';
export { scale, cleanupDeployment, calculateStatus } from './sync';
export { computeRolloutStatus, stuckDeploymentRequeueMs } from './progress';
