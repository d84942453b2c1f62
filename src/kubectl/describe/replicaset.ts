/**
 * `kubectl describe replicaset`.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printController, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { formatPodPhaseCounts, podStatusForController } from './controller-pods';
import { describeEvents } from './events';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { formatLabelSelector } from './selectors';

/**
 * The full describe text of a ReplicaSet: selector, replica counts, pod phases, template, conditions, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeReplicaSet.
 */
export function describeReplicaSet(obj: KubeObject, ctx: DescribeContext): string {
  const rs = obj as unknown as ReplicaSet;
  const counts = podStatusForController(ctx, obj, rs.spec?.selector);
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${formatPodPhaseCounts(counts)}\n`);
    describePodTemplate(rs.spec?.template ?? {}, w);
    const conditions = rs.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
