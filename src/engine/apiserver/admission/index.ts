/**
 * The admission chain of the simulated apiserver, in upstream's order (NamespaceLifecycle is built into the
 * apiserver core): LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds, DefaultStorageClass,
 * ResourceQuota. PodSecurity is not modelled.
 */
import type { ApiServer } from '../apiserver';
import { decodeCheck } from './decode-check';
import { defaultStorageClassAdmission } from './default-storage-class';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { limitRanger } from './limit-ranger';
import { priorityAdmission } from './priority';
import { resourceQuotaAdmission, startQuotaStatusSync } from './resource-quota';
import { serviceAccountAdmission } from './service-account';

/** Adds the default admission plugins to `api` and starts keeping ResourceQuota status current. Call once. */
export function registerDefaultAdmission(api: ApiServer): void {
  api.addAdmission(decodeCheck);
  api.addAdmission(limitRanger);
  api.addAdmission(serviceAccountAdmission);
  api.addAdmission(priorityAdmission);
  api.addAdmission(defaultTolerationSeconds);
  api.addAdmission(defaultStorageClassAdmission);
  api.addAdmission(resourceQuotaAdmission);
  startQuotaStatusSync(api);
}

export { LIMIT_RANGER_ANNOTATION } from './limit-ranger';
export { API_TOKEN_MOUNT_PATH, DEFAULT_SERVICE_ACCOUNT, TOKEN_VOLUME_PREFIX, tokenVolumeSuffix } from './service-account';
export { DEFAULT_TOLERATION_SECONDS } from './default-toleration-seconds';
export { defaultStorageClass } from './default-storage-class';
