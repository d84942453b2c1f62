/**
 * `kubectl describe deployment`.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { controllerRef, fromTimestamp, selectorMatches, type KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { intOrString, rfc1123z } from './format';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { semanticEqual } from './semantic-equal';
import { selectorString } from './selectors';

const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/**
 * The full describe text of a Deployment: replica counts, strategy, template, conditions, old and new
 * ReplicaSets, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go DeploymentDescriber.Describe, describeDeployment.
 */
export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const d = obj as unknown as Deployment;
  const events = eventsOf(ctx, obj);
  const { oldRSs, newRS } = replicaSetsOf(obj, ctx);
  return tabbedString((w) => {
    const spec = d.spec;
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ` +
      `${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) {
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    }
    describePodTemplate(spec?.template ?? {}, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsSummary(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsSummary(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * The deployment's ReplicaSets (selected by its selector and controlled by it), oldest first: the new one has the
 * deployment's template (ignoring pod-template-hash), the old ones are all the others, scaled to zero or not
 * (describe shows the "all old" list of GetAllReplicaSetsInChunks).
 * Models staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go GetAllReplicaSetsInChunks.
 */
export function replicaSetsOf(obj: KubeObject, ctx: DescribeContext): { oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const d = obj as unknown as Deployment;
  const owned = ctx
    .list('ReplicaSet', obj.metadata.namespace)
    .filter((rs) => selectorMatches(d.spec?.selector, rs.metadata.labels) && controllerRef(rs)?.uid === obj.metadata.uid)
    .map((rs) => rs as unknown as ReplicaSet)
    .sort((a, b) => {
      const ta = fromTimestamp(a.metadata?.creationTimestamp) ?? 0;
      const tb = fromTimestamp(b.metadata?.creationTimestamp) ?? 0;
      if (ta !== tb) return ta - tb;
      const na = a.metadata?.name ?? '';
      const nb = b.metadata?.name ?? '';
      return na < nb ? -1 : na > nb ? 1 : 0;
    });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = owned.filter((rs) => rs !== newRS);
  return { oldRSs, newRS };
}

// Models staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go equalIgnoreHash.
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    if (!t) return t;
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
  };
  return semanticEqual(strip(a), strip(b));
}

// Models describe.go printReplicaSetsByLabels.
function replicaSetsSummary(list: readonly ReplicaSet[]): string {
  const text = list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return text || '<none>';
}
