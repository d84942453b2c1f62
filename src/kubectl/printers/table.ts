/**
 * `kubectl get` table output: picks the kind's handler, drops wide-only columns unless `-o wide`, decorates the
 * table (NAMESPACE first, `kind/` name prefix, `-L` label columns, LABELS last) and aligns it.
 * Models staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (decorateTable, printTable) fed by the
 * apiserver's tables from pkg/printers/internalversion/printers.go.
 */
import { qualifiedKind, typeForKind } from '../../engine';
import type { KubeObject } from '../../engine';
import { formatLabels } from './format';
import { handlerFor } from './kinds';
import { formatRows } from './tabwriter';

/** Options of one table. */
export interface TableOptions {
  /** Virtual time of the print (AGE and other durations). */
  nowMs: number;
  /** `-o wide`: include the priority-1 columns. */
  wide?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
  /** `-L key1,key2`: one column per key, headed by the key's last path segment upper-cased. */
  labelColumns?: string[];
  /** `-A`: a NAMESPACE column first. Ignored for cluster-scoped kinds, as kubectl get does. */
  withNamespace?: boolean;
  /** Prefix names with `<kind>.<group>/` (several types requested, or `get all`). */
  withKind?: boolean;
}

/** Headers and a row function of one kind, for `--sort-by` and the UI. */
export interface KindColumns {
  /** Upper-cased header names of the visible columns. */
  headers: string[];
  /** The visible cells of one object's row. */
  row(obj: KubeObject, nowMs: number): string[];
}

/** The visible columns of `kind` (wide-only ones included when `wide`), with a row function producing them. */
export function columnsFor(kind: string, wide: boolean): KindColumns {
  const handler = handlerFor(kind);
  const visible = visibleIndices(handler.columns, wide);
  return {
    headers: visible.map((i) => handler.columns[i]!.name),
    row(obj, nowMs) {
      const cells = handler.row(obj, { nowMs });
      return visible.map((i) => cells[i] ?? '');
    },
  };
}

function visibleIndices(columns: readonly { priority: number }[], wide: boolean): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    if (wide || c.priority === 0) out.push(i);
  });
  return out;
}

/**
 * The table of `objects` (all of one kind) as `kubectl get` prints it, each line ending in a newline; empty when
 * there are no objects (kubectl prints no header then, and the caller prints noResourcesMessage).
 */
export function printTable(objects: readonly KubeObject[], opts: TableOptions): string {
  if (objects.length === 0) return '';
  const kind = objects[0]!.kind;
  const handler = handlerFor(kind);
  const wide = opts.wide === true;
  const visible = visibleIndices(handler.columns, wide);
  const labelKeys = opts.labelColumns ?? [];
  const withNamespace = opts.withNamespace === true && isNamespaced(kind, objects);
  // The prefix goes on the first Format "name" column, even when that column is wide-only (Events).
  const nameIndex = opts.withKind ? handler.columns.findIndex((c) => c.isName === true) : -1;
  const prefix = kindPrefix(kind);

  const rows: string[][] = [];
  if (opts.noHeaders !== true) {
    const header: string[] = [];
    if (withNamespace) header.push('NAMESPACE');
    for (const i of visible) header.push(handler.columns[i]!.name);
    for (const key of labelKeys) header.push(labelColumnHeader(key));
    if (opts.showLabels) header.push('LABELS');
    rows.push(header);
  }
  for (const obj of objects) {
    const cells = handler.row(obj, { nowMs: opts.nowMs });
    if (nameIndex >= 0) cells[nameIndex] = `${prefix}/${cells[nameIndex] ?? ''}`;
    const row: string[] = [];
    if (withNamespace) row.push(obj.metadata.namespace ?? '');
    for (const i of visible) row.push(cells[i] ?? '');
    const labels = obj.metadata.labels ?? {};
    // A missing label is an empty cell.
    for (const key of labelKeys) row.push(labels[key] ?? '');
    if (opts.showLabels) row.push(formatLabels(labels));
    rows.push(row.map(displayCell));
  }
  return formatRows(rows);
}

/** The `-L` column header of a label key: its last `/` segment, upper-cased. */
// Models tableprinter.go formatLabelHeaders.
export function labelColumnHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

/** The message kubectl get prints (to stderr) when nothing matched; the caller adds the newline. */
export function noResourcesMessage(namespace?: string): string {
  return namespace ? `No resources found in ${namespace} namespace.` : 'No resources found';
}

/** `deployment.apps`, `pod`: the lower-cased GroupKind kubectl puts before names with several types. */
export function kindPrefix(kind: string): string {
  const t = typeForKind(kind);
  return t ? qualifiedKind(t) : kind.toLowerCase();
}

function isNamespaced(kind: string, objects: readonly KubeObject[]): boolean {
  const t = typeForKind(kind);
  if (t) return t.namespaced;
  // Unknown kinds (custom resources): namespaced when the objects carry a namespace.
  return objects.some((o) => o.metadata.namespace);
}

// Models tableprinter.go appendCellValue: a cell stops at its first line break (with `...` appended), and
// terminal escapes are neutralized (printers.WriteEscaped).
function displayCell(cell: string): string {
  const br = cell.search(/[\n\r\f]/);
  return br >= 0 ? `${escapeTerminal(cell.slice(0, br))}...` : escapeTerminal(cell);
}

/** Replaces ESC with `^[` and CR with `\r`, as kubectl does before writing user text to a terminal. */
// Models staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go EscapeTerminal.
export function escapeTerminal(text: string): string {
  return text.replaceAll(String.fromCharCode(0x1b), '^[').replace(/\r/g, '\\r');
}
