/**
 * The Job controller and the Job helpers the CronJob and TTL-after-finished controllers and kubectl share.
 */
export { startJobController, SYNC_JOB_BATCH_PERIOD_MS, MAX_POD_CREATE_DELETE_PER_SYNC, MAX_UNCOUNTED_PODS } from './job-controller';
export { BackoffStore, remainingBackoffMs, remainingTimeForFailuresMs, podFinishedTimeMs, DEFAULT_POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS, type BackoffRecord } from './backoff';
export { wantActive, isIndexedJob, isJobSuspended, isPodFailed, pastBackoffLimitOnFailure, activePodsForRemoval } from './job-pods';
export { completionIndexOf, formatIntervals, parseIndexes, firstPendingIndexes, podGenerateNameWithIndex, type Interval } from './indexed';
export { finishedCondition, isJobFinished, isJobSucceeded, hasJobTrackingFinalizer, JOB_TRACKING_FINALIZER, JOB_COMPLETION_INDEX_ANNOTATION, JOB_COMPLETION_INDEX_ENV, JOB_CONTROLLER, type StoredJob } from './job-util';
