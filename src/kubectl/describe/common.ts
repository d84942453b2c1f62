/**
 * Multi-line fields shared by describers: Labels, Annotations, Taints, Tolerations, node selector terms, and the
 * `Controlled By` reference.
 */
import type { NodeSelectorRequirement, Taint, Toleration } from 'kubernetes-types/core/v1';
import { controllerRef, type KubeObject } from '../../engine';
import { utf8Length, utf8Prefix } from './format';
import { LEVEL_0, type PrefixWriter } from './prefix-writer';

/** The annotation kubectl never shows in describe output. */
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/**
 * `Title:` followed by one `k=v` per line, aligned, or `<none>`.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printLabelsMultilineWithIndent.
 */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined | null,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/**
 * `Title:` followed by one `key: value` per line; long or multi-line values go below their key, cut at 140
 * characters. The last-applied-configuration annotation is skipped.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printAnnotationsMultiline.
 */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined | null,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED_ANNOTATION).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, maxLength: number): string {
  return utf8Length(s) > maxLength ? `${utf8Prefix(s, maxLength)}...` : s;
}

/**
 * A taint as `key=value:Effect`, `key:Effect`, `key=value:` or `key`.
 * Models staging/src/k8s.io/api/core/v1/taint.go Taint.ToString.
 */
export function taintToString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/**
 * `Taints:` one per line, sorted by effect then key, or `<none>`.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printTaintsMultilineWithIndent.
 */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sortKey = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(t)}\n`);
  });
}

/**
 * `Tolerations:` one per line sorted by key (`key=value:Effect op=Exists for 300s`), or `<none>`.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printTolerationsMultilineWithIndent.
 */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Toleration) => t.key ?? '';
  const sorted = [...tolerations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, '\t');
    }
    let text = key(t);
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An Exists toleration with no value tolerates everything that matches its key (or every taint).
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/**
 * `Term N:` followed by one `key op [values]` per line.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printNodeSelectorTermsMultilineWithIndent.
 */
export function printNodeSelectorTerms(
  w: PrefixWriter,
  level: number,
  title: string,
  reqs: readonly NodeSelectorRequirement[] | undefined,
): void {
  w.write(level, `${title}:\t`);
  if (!reqs || reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((r, i) => {
    if (i !== 0) w.write(level, '\t');
    let expr = `${r.key} ${r.operator.toLowerCase()}`;
    if (r.values && r.values.length > 0) expr += ` [${r.values.join(', ')}]`;
    w.write(LEVEL_0, `${expr}\n`);
  });
}

/**
 * `Kind/name` of the object's controller, or empty when it has none.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printController.
 */
export function printController(obj: KubeObject): string {
  const ref = controllerRef(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
