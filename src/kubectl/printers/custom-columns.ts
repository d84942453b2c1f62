/**
 * `kubectl get -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`: one column per
 * `<header>:<jsonpath>` pair, several values of a path joined by commas, `<none>` when a path finds nothing.
 * Models staging/src/k8s.io/cli-runtime/pkg/printers/customcolumn.go (NewCustomColumnsPrinterFromSpec,
 * printOneObject) and RelaxedJSONPathExpression in staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go.
 */
import type { KubeObject } from '../../engine';
import { goSprint } from './go-format';
import { JsonPath } from './jsonpath';
import { escapeTerminal } from './table';
import { tabwrite } from './tabwriter';

/** One parsed column of a custom-columns spec. */
export interface CustomColumn {
  header: string;
  /** The JSONPath template, always in `{.a.b}` form. */
  fieldSpec: string;
}

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `a.b`, `.a.b`, `{a.b}` or `{.a.b}` as the `{.a.b}` template; throws kubectl's message on anything else. */
// Models customcolumn.go RelaxedJSONPathExpression.
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path;
  const m = RELAXED_PATH.exec(path);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] ?? m[2] ?? ''}}`;
}

/** Parses a custom-columns spec; throws an Error with kubectl's message when it is malformed. */
// Models customcolumn.go NewCustomColumnsPrinterFromSpec.
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('custom-columns format specified but no custom columns given');
  // Like kubectl, the spec is split on every comma, so a path cannot contain one.
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

/** Options of a custom-columns rendering. */
export interface CustomColumnsOptions {
  /** `--no-headers`. */
  noHeaders?: boolean;
}

/**
 * The custom-columns table of `objects`, each line ending in a newline; the header line is printed even when
 * there are no objects. Throws an Error with kubectl's message for a bad spec or a failing path.
 */
export function renderCustomColumns(spec: string, objects: readonly KubeObject[], options: CustomColumnsOptions = {}): string {
  const columns = parseCustomColumnsSpec(spec);
  const parsers = columns.map((c) => {
    try {
      return JsonPath.parse(c.fieldSpec, { allowMissingKeys: true });
    } catch (e) {
      throw new Error((e as Error).message);
    }
  });
  let text = '';
  if (options.noHeaders !== true) text += `${columns.map((c) => c.header).join('\t')}\n`;
  for (const obj of objects) {
    const cells = parsers.map((p) => {
      let values: unknown[][];
      try {
        values = p.findResults(obj);
      } catch (e) {
        throw new Error((e as Error).message);
      }
      const strings: string[] = [];
      if (values.length === 0 || values[0]!.length === 0) strings.push('<none>');
      for (const group of values) for (const v of group) strings.push(escapeTerminal(goSprint(v)));
      return strings.join(',');
    });
    text += `${cells.join('\t')}\n`;
  }
  return tabwrite(text);
}
