/**
 * Priority admission: pods get the integer priority and preemption policy of their PriorityClass (or of the
 * global default class, or 0 and PreemptLowerPriority), unknown classes are refused, updates keep the stored
 * values, and at most one PriorityClass may be the global default.
 * Models plugin/pkg/admission/priority/admission.go (admitPod, validatePriorityClass, getDefaultPriority).
 */
import type { KubeObject } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { forbidden } from '../status';
import type { AdmissionPlugin } from '../apiserver';
import type { StrategyContext } from '../strategy';
import { SYSTEM_PRIORITY_CLASSES } from '../strategies/priority-class';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The priority a pod gets when no class applies. */
export const DEFAULT_PRIORITY = 0;

/** getDefaultPriorityClass: the global default with the lowest value, if any. */
function defaultClass(ctx: StrategyContext): KubeObject | undefined {
  let best: KubeObject | undefined;
  for (const pc of ctx.list('PriorityClass')) {
    if (pc.globalDefault !== true) continue;
    if (!best || Number(best.value ?? 0) > Number(pc.value ?? 0)) best = pc;
  }
  return best;
}

/** Resolves a class by name; the two system classes resolve even before their objects exist. */
function resolveClass(ctx: StrategyContext, name: string): { value: number; preemptionPolicy?: string } | undefined {
  const pc = ctx.get('PriorityClass', undefined, name);
  if (pc) return { value: Number(pc.value ?? 0), preemptionPolicy: typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : 'PreemptLowerPriority' };
  const builtin = SYSTEM_PRIORITY_CLASSES[name];
  return builtin === undefined ? undefined : { value: builtin, preemptionPolicy: 'PreemptLowerPriority' };
}

function admitPod(op: 'CREATE' | 'UPDATE', pod: KubeObject, old: KubeObject | undefined, ctx: StrategyContext) {
  const spec = isObj(pod.spec) ? pod.spec : (pod.spec = {});
  if (op === 'UPDATE') {
    const oldSpec = isObj(old?.spec) ? old!.spec as Obj : {};
    if (spec.priority === undefined && oldSpec.priority !== undefined) spec.priority = oldSpec.priority;
    if (spec.preemptionPolicy === undefined && oldSpec.preemptionPolicy !== undefined) spec.preemptionPolicy = oldSpec.preemptionPolicy;
    return undefined;
  }
  const podType = typeForKind('Pod')!;
  let priority: number;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const dc = defaultClass(ctx);
    if (dc) {
      spec.priorityClassName = dc.metadata.name;
      priority = Number(dc.value ?? 0);
      policy = typeof dc.preemptionPolicy === 'string' ? dc.preemptionPolicy : 'PreemptLowerPriority';
    } else {
      priority = DEFAULT_PRIORITY;
      policy = 'PreemptLowerPriority';
    }
  } else {
    const resolved = resolveClass(ctx, String(spec.priorityClassName));
    if (!resolved) return forbidden(podType, pod.metadata.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = resolved.value;
    policy = resolved.preemptionPolicy;
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    return forbidden(podType, pod.metadata.name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy !== undefined) {
    if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== policy) {
      return forbidden(podType, pod.metadata.name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = policy;
  }
  return undefined;
}

/** The Priority plugin. */
export const priorityAdmission: AdmissionPlugin = (op, obj, old, ctx) => {
  if (obj.kind === 'Pod') return admitPod(op, obj, old, ctx);
  if (obj.kind === 'PriorityClass' && obj.globalDefault === true) {
    const dc = defaultClass(ctx);
    if (dc && (op === 'CREATE' || dc.metadata.name !== obj.metadata.name)) {
      return forbidden(typeForKind('PriorityClass')!, obj.metadata.name, `PriorityClass ${dc.metadata.name} is already marked as default. Only one default can exist`);
    }
  }
  return undefined;
};
