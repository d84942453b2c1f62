/**
 * Job predicates and names shared by the Job, CronJob and TTL-after-finished controllers.
 * Models pkg/controller/job/util/utils.go (FinishedCondition, IsJobFinished, IsJobSucceeded) and the well-known
 * names of k8s.io/api/batch/v1 (JobTrackingFinalizer, JobCompletionIndexAnnotation).
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/types';

/** A Job as stored by the apiserver. */
export type StoredJob = Job & KubeObject;

/** Finalizer the Job controller puts on its pods so that no finished pod is deleted before it is counted. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

/** Annotation (and, since PodIndexLabel, label) carrying an Indexed Job pod's completion index. */
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

/** Environment variable an Indexed Job pod reads its completion index from. */
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** The component name the Job controller records events under. */
export const JOB_CONTROLLER = 'job-controller';

/** Condition types of a Job. */
export const JobConditionType = {
  Complete: 'Complete',
  Failed: 'Failed',
  Suspended: 'Suspended',
  FailureTarget: 'FailureTarget',
  SuccessCriteriaMet: 'SuccessCriteriaMet',
} as const;

/** Models util.FinishedCondition: the first Complete or Failed condition that is True, if any. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/** Models util.IsJobFinished: the Job has a True Complete or Failed condition. */
export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

/** Models util.IsJobSucceeded: the Job has a True Complete condition. */
export function isJobSucceeded(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

/** The finalizers of an object include the Job tracking finalizer. */
export function hasJobTrackingFinalizer(obj: KubeObject): boolean {
  return (obj.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}
