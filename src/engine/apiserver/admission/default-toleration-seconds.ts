/**
 * DefaultTolerationSeconds: pods that do not tolerate the not-ready and unreachable NoExecute taints get a
 * 300-second toleration for each, so they are evicted five minutes after their node goes away.
 * Models plugin/pkg/admission/defaulttolerationseconds/admission.go.
 */
import type { AdmissionPlugin } from '../apiserver';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds` defaults. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** The DefaultTolerationSeconds plugin (pods on create). */
export const defaultTolerationSeconds: AdmissionPlugin = (op, obj) => {
  if (op !== 'CREATE' || obj.kind !== 'Pod') return undefined;
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : [];
  const tolerates = (key: string) =>
    tolerations.some((t) => isObj(t) && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: Obj[] = [];
  if (!tolerates(NOT_READY)) added.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (!tolerates(UNREACHABLE)) added.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  return undefined;
};
