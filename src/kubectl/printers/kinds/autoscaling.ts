/**
 * The HorizontalPodAutoscaler table (autoscaling/v2 shape).
 * Models pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler and formatHPAMetrics.
 */
import type { HorizontalPodAutoscaler, Stored } from '../../../engine';
import { quantityString, translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, type KindHandler } from './handler';

type HpaSpec = NonNullable<HorizontalPodAutoscaler['spec']>;
type MetricSpec = NonNullable<HpaSpec['metrics']>[number];
type MetricStatus = NonNullable<NonNullable<HorizontalPodAutoscaler['status']>['currentMetrics']>[number];

const MAX_METRICS = 2;

/** The TARGETS column: `cpu: 68%/50%`, `<unknown>/100 (avg)`, at most two entries then ` + N more...`. */
// Models pkg/printers/internalversion/printers.go formatHPAMetrics.
export function formatHpaMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list: string[] = [];
  specs.forEach((spec, i) => {
    const st = statuses?.[i];
    switch (spec.type) {
      case 'External': {
        const target = spec.external?.target;
        if (target?.averageValue !== undefined) {
          const cur = st?.external?.current?.averageValue;
          list.push(`${cur !== undefined && st?.external ? quantityString(cur) : '<unknown>'}/${quantityString(target.averageValue)} (avg)`);
        } else {
          const cur = st?.external ? quantityString(st.external.current?.value) : '<unknown>';
          list.push(`${cur}/${quantityString(target?.value)}`);
        }
        break;
      }
      case 'Pods': {
        const cur = st?.pods ? quantityString(st.pods.current?.averageValue) : '<unknown>';
        list.push(`${cur}/${quantityString(spec.pods?.target?.averageValue)}`);
        break;
      }
      case 'Object': {
        const target = spec.object?.target;
        if (target?.averageValue !== undefined) {
          const cur = st?.object?.current?.averageValue;
          list.push(`${cur !== undefined && st?.object ? quantityString(cur) : '<unknown>'}/${quantityString(target.averageValue)} (avg)`);
        } else {
          const cur = st?.object ? quantityString(st.object.current?.value) : '<unknown>';
          list.push(`${cur}/${quantityString(target?.value)}`);
        }
        break;
      }
      case 'Resource':
      case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur = spec.type === 'Resource' ? st?.resource : st?.containerResource;
        const name = src?.name ?? '';
        if (src?.target?.averageValue !== undefined) {
          const current = cur ? quantityString(cur.current?.averageValue) : '<unknown>';
          list.push(`${name}: ${current}/${quantityString(src.target.averageValue)}`);
        } else {
          const util = cur?.current?.averageUtilization;
          const current = cur && util !== undefined && util !== null ? `${util}%` : '<unknown>';
          const t = src?.target?.averageUtilization;
          const target = t !== undefined && t !== null ? `${t}%` : '<auto>';
          list.push(`${name}: ${current}/${target}`);
        }
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  if (list.length > MAX_METRICS) return `${list.slice(0, MAX_METRICS).join(', ')} + ${list.length - MAX_METRICS} more...`;
  return list.join(', ');
}

/** `kubectl get hpa`. */
export const horizontalPodAutoscalerHandler: KindHandler = {
  kinds: ['HorizontalPodAutoscaler'],
  columns: [NAME_COLUMN, col('REFERENCE'), col('TARGETS'), col('MINPODS'), col('MAXPODS'), col('REPLICAS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const hpa = as<Stored<HorizontalPodAutoscaler>>(obj);
    const ref = hpa.spec?.scaleTargetRef;
    const min = hpa.spec?.minReplicas;
    return [
      hpa.metadata.name, `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHpaMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      min === undefined || min === null ? '<unset>' : String(min),
      String(hpa.spec?.maxReplicas ?? 0), String(hpa.status?.currentReplicas ?? 0),
      translateTimestampSince(hpa.metadata.creationTimestamp, nowMs),
    ];
  },
};
