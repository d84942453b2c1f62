/**
 * The registry of per-kind table handlers, and the NAME/AGE table kubectl prints for kinds it has no handler for.
 */
import { humanDuration, fromTimestamp } from '../../../engine';
import { horizontalPodAutoscalerHandler } from './autoscaling';
import { cronJobHandler, jobHandler } from './batch';
import { leaseHandler, namespaceHandler, nodeHandler, priorityClassHandler } from './cluster';
import { configMapHandler, secretHandler, serviceAccountHandler } from './config';
import { eventHandler } from './events';
import { AGE_COLUMN, NAME_COLUMN, type KindHandler } from './handler';
import {
  endpointSliceHandler, endpointsHandler, ingressClassHandler, ingressHandler, networkPolicyHandler, serviceHandler,
} from './network';
import { podHandler } from './pod';
import { defaultTableHandler, podDisruptionBudgetHandler, resourceQuotaHandler } from './policy';
import { persistentVolumeClaimHandler, persistentVolumeHandler, storageClassHandler } from './storage';
import {
  controllerRevisionHandler, daemonSetHandler, deploymentHandler, podTemplateHandler, replicaSetHandler,
  replicationControllerHandler, statefulSetHandler,
} from './workloads';

export type { ColumnDefinition, KindHandler, RowContext } from './handler';

const HANDLERS: readonly KindHandler[] = [
  podHandler, deploymentHandler, replicaSetHandler, statefulSetHandler, daemonSetHandler,
  replicationControllerHandler, controllerRevisionHandler, podTemplateHandler, jobHandler, cronJobHandler,
  horizontalPodAutoscalerHandler, serviceHandler, endpointsHandler, endpointSliceHandler, ingressHandler,
  ingressClassHandler, networkPolicyHandler, nodeHandler, namespaceHandler, leaseHandler, priorityClassHandler,
  configMapHandler, secretHandler, serviceAccountHandler, persistentVolumeHandler, persistentVolumeClaimHandler,
  storageClassHandler, eventHandler, resourceQuotaHandler, podDisruptionBudgetHandler, defaultTableHandler,
];

const BY_KIND = new Map<string, KindHandler>(HANDLERS.flatMap((h) => h.kinds.map((k) => [k, h] as const)));

/** kubectl's own fallback for kinds without a table (custom resources without printer columns): NAME AGE. */
// Models staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go printObjectMeta.
export const nameAgeHandler: KindHandler = {
  kinds: [],
  columns: [NAME_COLUMN, AGE_COLUMN],
  row(obj, { nowMs }) {
    const ms = fromTimestamp(obj.metadata.creationTimestamp);
    return [obj.metadata.name, ms === undefined ? '<unknown>' : humanDuration(nowMs - ms)];
  },
};

/** The table handler of a kind, or the NAME AGE fallback. */
export function handlerFor(kind: string): KindHandler {
  return BY_KIND.get(kind) ?? nameAgeHandler;
}
