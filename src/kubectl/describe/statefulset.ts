/**
 * `kubectl describe statefulset`.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine';
import { printLabelsMultiline, printAnnotationsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { formatPodPhaseCounts, podStatusForController } from './controller-pods';
import { describeEvents } from './events';
import { goSlice, intOrString, rfc1123z } from './format';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { claimClass } from './pvc-fields';
import { canonicalQuantity } from './quantity';
import { selectorString } from './selectors';

/**
 * The full describe text of a StatefulSet: replicas, update strategy, pod phases, template, claim templates.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeStatefulSet.
 */
export function describeStatefulSet(obj: KubeObject, ctx: DescribeContext): string {
  const sts = obj as unknown as StatefulSet;
  const counts = podStatusForController(ctx, obj, sts.spec?.selector);
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = sts.spec;
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
    const ru = spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${formatPodPhaseCounts(counts)}\n`);
    describePodTemplate(spec?.template ?? {}, w);
    describeVolumeClaimTemplates(spec?.volumeClaimTemplates, w);
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go describeVolumeClaimTemplates.
function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.['storage'];
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? canonicalQuantity(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goSlice(pvc.spec?.accessModes)}\n`);
  }
}
