/**
 * `kubectl describe`: the human-readable description of one object, by kind, as kubectl v1.34 prints it.
 */
import type { KubeObject } from '../../engine';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config';
import type { DescribeContext } from './context';
import { describeDaemonSet } from './daemonset';
import { describeDeployment } from './deployment';
import { describeGeneric } from './generic';
import { describeHorizontalPodAutoscaler } from './hpa';
import { describeCronJob, describeJob } from './job';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeReplicaSet } from './replicaset';
import { describeEndpointSlice, describeEndpoints, describeService } from './service';
import { describeStatefulSet } from './statefulset';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';

export type { DescribeContext } from './context';

type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/**
 * Dedicated describers by `group/Kind`; every other kind gets the generic describer.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describerMap.
 */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ResourceQuota': describeResourceQuota,
  '/LimitRange': describeLimitRange,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
};

/**
 * The full `kubectl describe` text of an object (ending in a newline), using `ctx` for related objects,
 * events and the current virtual time.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go Describer (dedicated describer, else generic).
 */
export function describe(obj: KubeObject, ctx: DescribeContext): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : '';
  const describer = DESCRIBERS[`${group}/${obj.kind}`] ?? describeGeneric;
  return describer(obj, ctx);
}
