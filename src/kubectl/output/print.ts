/**
 * `-o` handling shared by get, create, apply and friends: tables, wide, name, yaml, json, jsonpath,
 * custom-columns, with kubectl's List wrapping for several objects.
 */
import { qualifiedKind, typeForKind, type KubeObject } from '../../engine';
import { printTable } from '../printers/table';
import { renderJsonPath } from '../printers/jsonpath';
import { renderCustomColumns } from '../printers/custom-columns';
import { clientError } from '../errors';
import { toJson, toYaml } from './yaml';

/** A parsed `-o` value. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED = 'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml';

/** Parses `-o` (empty means the default table). */
export function parseOutputFormat(o: string): OutputFormat {
  if (o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'name') return { kind: 'name' };
  if (o === 'yaml') return { kind: 'yaml' };
  if (o === 'json') return { kind: 'json' };
  const eq = o.indexOf('=');
  const head = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : '';
  if (head === 'jsonpath' || head === 'template' || head === 'jsonpath-as-json') {
    if (!arg) throw clientError('template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (head === 'custom-columns') {
    if (!arg) throw clientError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec: arg };
  }
  throw clientError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

/** `deployment.apps/web` — the `-o name` form and the prefix of `created`/`configured` lines. */
export function nameOf(obj: KubeObject): string {
  const t = typeForKind(obj.kind);
  return `${t ? qualifiedKind(t) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** Wraps several objects as kubectl does for -o yaml/json. */
export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Options of a table print. */
export interface TablePrintOptions {
  nowMs: number;
  withNamespace: boolean;
  withKind: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
}

/**
 * Prints groups of objects (one group per type) in `format`. Tables print one per group separated by blank lines;
 * structured formats print a single object bare and several as a List.
 */
export function printGroups(groups: KubeObject[][], format: OutputFormat, opts: TablePrintOptions, singleItem: boolean): string {
  const all = groups.flat();
  switch (format.kind) {
    case 'table': {
      const tables = groups
        .filter((g) => g.length > 0)
        .map((g) => printTable(g, { nowMs: opts.nowMs, wide: format.wide, noHeaders: opts.noHeaders, showLabels: opts.showLabels, labelColumns: opts.labelColumns, withNamespace: opts.withNamespace, withKind: opts.withKind }));
      return tables.join('\n');
    }
    case 'name':
      return all.map((o) => `${nameOf(o)}\n`).join('');
    case 'yaml':
      return toYaml(singleItem && all.length === 1 ? all[0] : asList(all));
    case 'json':
      return toJson(singleItem && all.length === 1 ? all[0] : asList(all));
    case 'jsonpath':
      try {
        return renderJsonPath(format.template, singleItem && all.length === 1 ? all[0] : asList(all));
      } catch (e) {
        throw clientError((e as Error).message.replace(/^error: /, ''));
      }
    case 'custom-columns':
      return renderCustomColumns(format.spec, all);
  }
}
