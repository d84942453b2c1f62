/**
 * The StatefulSet controller and the pure helpers others need: pod/claim naming and labels, revision hashing, and
 * what `kubectl rollout status|history|undo` shows for a StatefulSet.
 */
export { startStatefulSetController } from './stateful-set';
export { STATEFULSET_CONTROLLER } from './stateful-pod-control';
export { updateStatefulSet, getStatefulSetRevisions, MAX_BATCH_SIZE, type StatefulPodControl, type ControllerHistory, type StatefulSetControlDeps, type SyncResult } from './stateful-set-control';
export {
  STATEFUL_SET_POD_NAME_LABEL, POD_INDEX_LABEL, STATEFUL_SET_REVISION_LABEL, getPodName, getPersistentVolumeClaimName,
  parentNameAndOrdinal, getStartOrdinal, getEndOrdinal, podInOrdinalRange, newStatefulSetPod, getPersistentVolumeClaims,
  retentionPolicyOf, type StoredStatefulSet, type StatefulPod,
} from './stateful-set-utils';
export { CONTROLLER_REVISION_HASH_LABEL, getPatch as statefulSetRevisionPatch, applyRevision as applyStatefulSetRevision, revisionTemplate, hashControllerRevision, controllerRevisionName, type StoredControllerRevision, type StatefulSetRevisionData } from './history';
export { statefulSetRolloutStatus, statefulSetRevisionHistory, planStatefulSetRollback, CHANGE_CAUSE_ANNOTATION as STATEFULSET_CHANGE_CAUSE_ANNOTATION, type RolloutStatus, type StatefulSetRevisionEntry, type StatefulSetRollbackPlan } from './rollout';
