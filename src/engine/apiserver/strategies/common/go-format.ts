/**
 * Go `%#v` renderings of the few API structs that appear verbatim in validation messages
 * (`intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`, `v1.LabelSelector{MatchLabels:map[string]string{...}, ...}`).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

const q = (s: string): string => JSON.stringify(s);

/** A string map as `map[string]string{"a":"b"}`, `map[string]string{}` or `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${q(k)}:${q(m[k]!)}`).join(', ')}}`;
}

/** A string slice as `[]string{"a"}` or `[]string(nil)`. */
export function goStringSlice(v: readonly string[] | undefined | null): string {
  if (v === undefined || v === null) return '[]string(nil)';
  return `[]string{${v.map(q).join(', ')}}`;
}

/** An intstr.IntOrString value (numbers are Type:0, strings Type:1). */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

/** A metav1.LabelSelector as the apiserver prints it after dereferencing the pointer. */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${goStringSlice(e.values)}}`)
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels as Record<string, string> | undefined)}, MatchExpressions:${exprText}}`;
}

/** The core.ServicePort key upstream reports for duplicate (protocol, port) pairs. */
export function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${q(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

/**
 * A core.PodTemplateSpec for `field is immutable` messages.
 * Divergence: upstream dumps every field of the internal struct (hundreds of characters); this prints the labels
 * and the container names and images, which is what a reader needs to see which template was rejected.
 */
export function goPodTemplateSpec(t: unknown): string {
  const tpl = (t ?? {}) as { metadata?: { labels?: Record<string, string> }; spec?: { containers?: { name?: string; image?: string }[] } };
  const containers = (tpl.spec?.containers ?? []).map((c) => `core.Container{Name:${q(c.name ?? '')}, Image:${q(c.image ?? '')}, ...}`).join(', ');
  return `core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Labels:${goStringMap(tpl.metadata?.labels)}, ...}, Spec:core.PodSpec{Containers:[]core.Container{${containers}}, ...}}`;
}
