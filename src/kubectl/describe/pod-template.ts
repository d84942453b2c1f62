/**
 * The `Pod Template:` block of workload describers (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job).
 */
import type { PodTemplateSpec, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common';
import { describeContainers } from './containers';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import { formatLabelSelector } from './selectors';
import { describeVolumes } from './volumes';

/**
 * Labels, annotations, service account, containers (without runtime status), volumes, priority class,
 * node selectors and tolerations of a pod template, indented one level.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribePodTemplate.
 */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', annotations);
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers && spec.initContainers.length > 0) {
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ');
  describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w, '  ');
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}

/**
 * `Topology Spread Constraints:` one per line sorted by topology key; nothing when there are none.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeTopologySpreadConstraints.
 */
export function describeTopologySpreadConstraints(
  tscs: readonly TopologySpreadConstraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let text = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) text += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
