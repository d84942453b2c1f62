/**
 * `kubectl describe daemonset`.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { formatPodPhaseCounts, podStatusForController } from './controller-pods';
import { describeEvents } from './events';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { formatLabels, selectorString } from './selectors';

/**
 * The full describe text of a DaemonSet: node counts from its status, pod phases, template, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeDaemonSet.
 */
export function describeDaemonSet(obj: KubeObject, ctx: DescribeContext): string {
  const ds = obj as unknown as DaemonSet;
  const counts = podStatusForController(ctx, obj, ds.spec?.selector);
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const status = ds.status;
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${formatPodPhaseCounts(counts)}\n`);
    describePodTemplate(ds.spec?.template ?? {}, w);
    describeEvents(events, w, ctx.nowMs);
  });
}
