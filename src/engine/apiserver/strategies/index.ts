/**
 * Every per-kind apiserver strategy. The cluster calls registerAllStrategies() once before it creates objects.
 */
import type { KubeObject } from '../../api/types';
import type { FieldError } from '../field-errors';
import { strategyFor, type StrategyContext } from '../strategy';
import { registerConfigMapStrategy } from './config-map';
import { registerControllerRevisionStrategy } from './controller-revision';
import { registerCronJobStrategy } from './cron-job';
import { registerDaemonSetStrategy } from './daemon-set';
import { registerDeploymentStrategy } from './deployment';
import { registerEndpointSliceStrategy } from './endpoint-slice';
import { registerEndpointsStrategy } from './endpoints';
import { registerEventStrategy } from './event';
import { registerHorizontalPodAutoscalerStrategy } from './horizontal-pod-autoscaler';
import { registerIngressStrategy } from './ingress';
import { registerJobStrategy } from './job';
import { registerLeaseStrategy } from './lease';
import { registerLimitRangeStrategy } from './limit-range';
import { registerNamespaceStrategy } from './namespace';
import { registerNetworkPolicyStrategy } from './network-policy';
import { registerNodeStrategy } from './node';
import { registerPersistentVolumeClaimStrategy } from './persistent-volume-claim';
import { registerPersistentVolumeStrategy } from './persistent-volume';
import { registerPodStrategy } from './pod';
import { registerPriorityClassStrategy } from './priority-class';
import { registerReplicaSetStrategy } from './replica-set';
import { registerResourceQuotaStrategy } from './resource-quota';
import { registerSecretStrategy } from './secret';
import { registerServiceAccountStrategy } from './service-account';
import { registerServiceStrategy, validateServiceWithoutAllocation } from './service';
import { registerStatefulSetStrategy } from './stateful-set';
import { registerStorageClassStrategy } from './storage-class';

/** Registers the strategy of every kind the simulator models. Idempotent. */
export function registerAllStrategies(): void {
  registerPodStrategy();
  registerDeploymentStrategy();
  registerReplicaSetStrategy();
  registerStatefulSetStrategy();
  registerDaemonSetStrategy();
  registerJobStrategy();
  registerCronJobStrategy();
  registerServiceStrategy();
  registerEndpointsStrategy();
  registerEndpointSliceStrategy();
  registerNamespaceStrategy();
  registerNodeStrategy();
  registerConfigMapStrategy();
  registerSecretStrategy();
  registerServiceAccountStrategy();
  registerPersistentVolumeStrategy();
  registerPersistentVolumeClaimStrategy();
  registerStorageClassStrategy();
  registerHorizontalPodAutoscalerStrategy();
  registerEventStrategy();
  registerLimitRangeStrategy();
  registerResourceQuotaStrategy();
  registerPriorityClassStrategy();
  registerControllerRevisionStrategy();
  registerLeaseStrategy();
  registerIngressStrategy();
  registerNetworkPolicyStrategy();
}

/**
 * Runs a kind's validation without side effects (no ClusterIP or NodePort allocation), so an admission plugin
 * that upstream runs after validation (ResourceQuota) can leave invalid objects to the Invalid error.
 */
export function validateWithoutSideEffects(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): FieldError[] {
  if (obj.kind === 'Service') return validateServiceWithoutAllocation(obj, ctx);
  const s = strategyFor(obj.kind);
  const errs = s.validate?.(obj, ctx) ?? [];
  if (old && errs.length === 0) return s.validateUpdate?.(obj, old, ctx) ?? [];
  return errs;
}

export { computePodQOS } from './common/qos';
export { defaultPullPolicy, imageTag } from './common/pod-defaults';
export { canonicalQuantity } from './common/quantity';
