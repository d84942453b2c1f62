/**
 * Tables of ConfigMaps, Secrets and ServiceAccounts.
 * Models pkg/printers/internalversion/printers.go printConfigMap, printSecret, printServiceAccount.
 */
import type { ConfigMap, Secret, ServiceAccount, Stored } from '../../../engine';
import { translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, type KindHandler } from './handler';

function count(map: Readonly<Record<string, unknown>> | undefined): number {
  return Object.keys(map ?? {}).length;
}

/** `kubectl get configmaps`: DATA counts data and binaryData keys. */
export const configMapHandler: KindHandler = {
  kinds: ['ConfigMap'],
  columns: [NAME_COLUMN, col('DATA'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const cm = as<Stored<ConfigMap>>(obj);
    return [cm.metadata.name, String(count(cm.data) + count(cm.binaryData)), translateTimestampSince(cm.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get secrets`. */
export const secretHandler: KindHandler = {
  kinds: ['Secret'],
  columns: [NAME_COLUMN, col('TYPE'), col('DATA'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const s = as<Stored<Secret>>(obj);
    // The apiserver merges stringData into data on write; count both in case an object skipped that.
    const keys = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
    return [s.metadata.name, s.type ?? '', String(keys.size), translateTimestampSince(s.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get serviceaccounts`. */
export const serviceAccountHandler: KindHandler = {
  kinds: ['ServiceAccount'],
  columns: [NAME_COLUMN, col('SECRETS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const sa = as<Stored<ServiceAccount>>(obj);
    return [sa.metadata.name, String(sa.secrets?.length ?? 0), translateTimestampSince(sa.metadata.creationTimestamp, nowMs)];
  },
};
