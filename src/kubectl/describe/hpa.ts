/**
 * `kubectl describe horizontalpodautoscaler`.
 */
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity } from './quantity';

/**
 * The full describe text of an autoscaling/v2 HorizontalPodAutoscaler: each metric as `current / target`,
 * replica bounds, behavior, current and desired replicas, conditions, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeHorizontalPodAutoscalerV2.
 */
export function describeHorizontalPodAutoscaler(obj: KubeObject, ctx: DescribeContext): string {
  const hpa = obj as unknown as HorizontalPodAutoscaler;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = hpa.spec;
    const status = hpa.status;
    const current = status?.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec?.metrics ?? []).forEach((metric, i) => {
      const cur: MetricStatus | undefined = current[i];
      const q = (v: string | undefined) => canonicalQuantity(v);
      switch (metric.type) {
        case 'External': {
          const ext = metric.external!;
          if (ext.target.averageValue !== undefined) {
            const c = cur?.external?.current.averageValue !== undefined ? q(cur.external.current.averageValue) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(ext.metric.name)} (target average value):\t${c} / ${q(ext.target.averageValue)}\n`);
          } else {
            const c = cur?.external ? q(cur.external.current.value) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(ext.metric.name)} (target value):\t${c} / ${q(ext.target.value)}\n`);
          }
          break;
        }
        case 'Pods': {
          const pods = metric.pods!;
          const c = cur?.pods ? q(cur.pods.current.averageValue) : '<unknown>';
          w.write(LEVEL_1, `${JSON.stringify(pods.metric.name)} on pods:\t${c} / ${q(pods.target.averageValue)}\n`);
          break;
        }
        case 'Object': {
          const o = metric.object!;
          w.write(LEVEL_1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
          if (o.target.type === 'AverageValue') {
            const c = cur?.object ? q(cur.object.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `(target average value):\t${c} / ${q(o.target.averageValue)}\n`);
          } else {
            const c = cur?.object ? q(cur.object.current.value) : '<unknown>';
            w.write(LEVEL_0, `(target value):\t${c} / ${q(o.target.value)}\n`);
          }
          break;
        }
        case 'Resource':
        case 'ContainerResource': {
          const isContainer = metric.type === 'ContainerResource';
          const r = isContainer ? metric.containerResource! : metric.resource!;
          const rc = isContainer ? cur?.containerResource : cur?.resource;
          const container = isContainer ? ` of container "${metric.containerResource!.container}"` : '';
          w.write(LEVEL_1, `resource ${r.name}${container} on pods`);
          if (r.target.averageValue !== undefined) {
            const c = rc ? q(rc.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `:\t${c} / ${q(r.target.averageValue)}\n`);
          } else {
            const c = rc && rc.current.averageUtilization !== undefined
              ? `${rc.current.averageUtilization}% (${q(rc.current.averageValue)})`
              : '<unknown>';
            const target = r.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${target}\n`);
          }
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(metric.type)}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`);
    const conditions = status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go printDirectionBehavior.
function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  }
  const policies = rules.policies ?? [];
  if (policies.length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}
