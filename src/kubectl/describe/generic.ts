/**
 * The describer for kinds without a dedicated one (Events, ControllerRevisions, Leases, ...): name, labels,
 * annotations, then every other field of the object as nested `Label: value` lines.
 */
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';

const SKIPPED = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/**
 * The full generic describe text of any object.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go genericDescriber.Describe.
 */
export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '', SKIPPED);
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * Fields sorted by name, maps and lists as indented blocks, scalars as `Label:\tvalue`.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printUnstructuredContent.
 */
function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (skip.includes(path) || value === undefined) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, path, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/**
 * A field name as a label: `apiVersion` -> `API Version`, `creationTimestamp` -> `Creation Timestamp`; names
 * with characters other than letters and `-` are kept as they are.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go smartLabelFor.
 */
export function smartLabelFor(field: string): string {
  for (const ch of field) if (!/\p{L}/u.test(ch) && ch !== '-') return field;
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/**
 * Splits a camelCase word at case changes, keeping acronyms together (`PDFLoader` -> `PDF`, `Loader`).
 * Models github.com/fatih/camelcase Split.
 */
function camelcaseSplit(src: string): string[] {
  const classOf = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const c = classOf(ch);
    if (c === last && runs.length > 0) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = c;
  }
  // An upper-case run followed by a lower-case run gives its last letter to the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i]![0]!) === 2 && classOf(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** Go's `%v` of a decoded JSON scalar: integers plainly, other numbers as %g, null as `<nil>`. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

// Models go/src/strconv/ftoa.go FormatFloat(f, 'g', -1, 64) for non-integral values (exponent form below 1e-4
// and from 1e+06).
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}
