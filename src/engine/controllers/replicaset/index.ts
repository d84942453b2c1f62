/**
 * The ReplicaSet controller and the pod helpers other workload controllers share (activity, readiness,
 * availability, deletion order, slow-start batches, adoption by selector).
 */
export { startReplicaSetController, REPLICASET_CONTROLLER, BURST_REPLICAS } from './replica-set';
export { calculateReplicaSetStatus, serializeReplicaSetStatus, replicaSetStatusUpToDate, replicasOf, type StoredReplicaSet } from './replica-set-status';
export { isPodActive, isPodReady, isPodAvailable, filterActivePods, podAvailableAtMs, podDeletionCost, podReadyCondition, POD_DELETION_COST_ANNOTATION, type StoredPod } from './pod-utils';
export { activePodsLess, rankedPodsLess, rankPodsByRelatedPodsOnSameNode, getPodsToDelete, logarithmicRankDiff, sortByLess, type RankedPod } from './pod-ranking';
export { slowStartBatch, slowStartBatchSizes, SLOW_START_INITIAL_BATCH_SIZE, type SlowStartResult } from './slow-start';
export { claimObjects, apiClaimWrites, type ClaimWrites, type ClaimWrite, type ClaimResult } from './controller-ref-manager';
