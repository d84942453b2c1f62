/**
 * Editor markers for an applied file: each document kubectl could not apply becomes one marker per problem, placed
 * on the line of the field the problem is about (an Invalid cause's field path, a strict-decoding unknown field, a
 * mistyped value), or on the document when no field is named.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair } from 'yaml';
import { decodeManifests, type ApiStatus, type DecodedDoc } from '../engine';
import type { ApplyDiagnostic, RunResult } from '../kubectl';
import type { ApplyProblem } from '../protocol/messages';

/** A place in the file (1-based). */
interface Place {
  line: number;
  column: number;
  endLine?: number;
}

/** One segment of an apiserver field path: a field or map key, or a list index. */
type PathSegment = string | number;

/**
 * Splits an apiserver field path into segments: `spec.template.spec.containers[0].image` →
 * spec, template, spec, containers, 0, image; `metadata.labels[app.kubernetes.io/name]` → metadata, labels,
 * app.kubernetes.io/name.
 */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '.') {
      if (cur) out.push(cur);
      cur = '';
    } else if (c === '[') {
      if (cur) out.push(cur);
      cur = '';
      const end = path.indexOf(']', i + 1);
      const inner = path.slice(i + 1, end < 0 ? path.length : end).replace(/^['"]|['"]$/g, '');
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end;
    } else {
      cur += c;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The key text of a mapping pair (scalar keys only). */
function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' ? k : undefined;
}

/** Positions of YAML nodes in one file, for all its documents. */
class YamlLocator {
  private readonly counter = new LineCounter();
  private readonly roots: Node[];

  constructor(text: string) {
    // Duplicate keys and other YAML complaints must not hide the structure: the decoder already reported them.
    const docs = parseAllDocuments(text, { lineCounter: this.counter, uniqueKeys: false, prettyErrors: false });
    this.roots = (Array.isArray(docs) ? docs : []).flatMap((d) => (d.contents ? [d.contents as Node] : []));
  }

  /** Line and column of an offset. */
  place(offset: number): Place {
    const p = this.counter.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** Offset of the start of a 1-based line. */
  private lineStart(line: number): number {
    return this.counter.lineStarts[Math.max(0, line - 1)] ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * The object node a decoded document came from: the YAML document holding `anchorLine` (or the `ordinal`-th
   * non-empty one), narrowed to the item of a `kind: List` that holds the line.
   */
  objectAt(anchorLine: number | undefined, ordinal: number): Node | undefined {
    let root: Node | undefined;
    if (anchorLine !== undefined) {
      const start = this.lineStart(anchorLine);
      const end = this.lineStart(anchorLine + 1);
      for (const r of this.roots) {
        const [from, , to] = r.range ?? [0, 0, 0];
        // The anchor line overlaps the document's node.
        if (from < end && to > start) root = r;
        if (root) break;
      }
      if (!root) root = [...this.roots].reverse().find((r) => (r.range?.[0] ?? 0) <= start);
    }
    root ??= this.roots[ordinal];
    if (!root || !isMap(root) || anchorLine === undefined) return root;
    const kind = root.get('kind');
    const items = root.get('items', true);
    if (kind === 'List' && isSeq(items)) {
      const start = this.lineStart(anchorLine);
      const end = this.lineStart(anchorLine + 1);
      const item = items.items.find((n) => isMap(n) && !!n.range && n.range[0] < end && n.range[2] > start) as Node | undefined;
      if (item) return item;
    }
    return root;
  }

  /**
   * Where a field path is in an object node: the key of the deepest pair (or list item) the path reaches. A
   * required field that is absent lands on its nearest present parent.
   */
  locate(obj: Node, path: string): Place {
    let node: unknown = obj;
    let best: Place = this.start(obj);
    const segments = parseFieldPath(path);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (typeof seg === 'number') {
        if (!isSeq(node) || seg >= node.items.length) break;
        node = node.items[seg];
        best = this.start(node as Node);
        continue;
      }
      if (!isMap(node)) break;
      // Map keys may contain dots (`app.kubernetes.io/name` in a strict-decoding path): try the longest key first.
      let found: { pair: Pair; used: number } | undefined;
      for (let j = segments.length; j > i && !found; j--) {
        const run = segments.slice(i, j);
        if (run.some((s) => typeof s === 'number')) continue;
        const key = run.join('.');
        const pair = node.items.find((p) => isPair(p) && keyText(p) === key);
        if (pair) found = { pair, used: j - i };
      }
      if (!found) break;
      const keyNode = found.pair.key as Node | null;
      if (keyNode?.range) best = this.place(keyNode.range[0]);
      node = found.pair.value;
      i += found.used - 1;
    }
    return best;
  }

  private start(node: Node | undefined): Place {
    return node?.range ? this.place(node.range[0]) : { line: 1, column: 1 };
  }
}

/** A status message without kubectl's `error when creating "web.yaml": ` prefix (the editor shows the file). */
function statusText(status: ApiStatus): string {
  return status.message.replace(/^error when (creating|patching|applying patch|retrieving current configuration of)[^:]*?"[^"]*": /, '');
}

/** kubectl's `error: ` prefix is noise on a marker. */
function errorText(text: string): string {
  return text.replace(/^error: /, '');
}

/** The problems of one failed document. */
function documentProblems(d: ApplyDiagnostic, decoded: DecodedDoc | undefined, locator: YamlLocator): ApplyProblem[] {
  const error = (place: Place, message: string): ApplyProblem => ({ ...place, message, severity: 'error' });
  if (decoded?.error && (d.error !== undefined || !d.status)) {
    // Parse and mapping errors: the decoder knows the line; the document may not even be YAML.
    return [{ line: decoded.line ?? 1, message: errorText(decoded.error), severity: 'error' }];
  }
  const obj = locator.objectAt(decoded?.line, d.index);
  const at = (path: string): Place => (obj ? locator.locate(obj, path) : { line: decoded?.line ?? 1, column: 1 });
  if (d.error !== undefined) {
    const path = /namespace from the provided object/.test(d.error)
      ? 'metadata.namespace'
      : /resource name may not be empty|cannot use generate name/.test(d.error)
        ? 'metadata.name'
        : '';
    return [error(at(path), errorText(d.error))];
  }
  const status = d.status;
  if (!status) return [];
  const causes = status.details?.causes ?? [];
  if (status.reason === 'Invalid' && causes.length > 0) {
    // The marker sits on the field, so its text starts with the field as kubectl's bullet list does.
    return causes.map((c) => error(at(c.field), c.field ? `${c.field}: ${c.message}` : c.message));
  }
  const server = decoded?.serverError;
  if (status.reason === 'BadRequest') {
    const unknown = server?.unknownFields ?? [...status.message.matchAll(/unknown field "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    if (unknown.length > 0) {
      return unknown.map((path) => {
        const hint = server?.hints?.find((h) => h.startsWith(`unknown field "${path}":`));
        return error(at(path), hint ?? `unknown field "${path}"`);
      });
    }
    if (server?.fieldPath) return [error(at(server.fieldPath), statusText(status))];
  }
  const path =
    status.reason === 'NotFound' && /^namespaces? /.test(statusText(status)) ? 'metadata.namespace' : status.reason === 'AlreadyExists' || status.reason === 'Conflict' ? 'metadata.name' : 'kind';
  return [error(at(path), statusText(status))];
}

/** Repeated mapping keys: kubectl keeps the last value silently, which is rarely what the author meant. */
function duplicateKeyWarnings(decoded: readonly DecodedDoc[]): ApplyProblem[] {
  return decoded.flatMap((d) =>
    (d.duplicateKeys ?? []).map((k) => ({
      line: k.line,
      message: `key "${k.key}" is repeated (first at line ${k.firstLine}); the later value replaces the earlier one`,
      severity: 'warning' as const,
    })),
  );
}

/**
 * Problems of `text` (the file `source`) after `kubectl apply -f` printed `result`. `diagnostics` are the failed
 * documents kubectl reported; without them, decode errors are placed and any other failure goes on line 1.
 */
export function applyProblems(text: string, source: string, result: RunResult, diagnostics: readonly ApplyDiagnostic[] = []): ApplyProblem[] {
  const decoded = decodeManifests(text, source);
  const problems: ApplyProblem[] = [];
  const mine = diagnostics.filter((d) => d.source === source);
  if (mine.length > 0) {
    const locator = new YamlLocator(text);
    for (const d of mine) problems.push(...documentProblems(d, decoded[d.index], locator));
  } else {
    for (const d of decoded) {
      if (d.error) problems.push({ line: d.line ?? 1, message: d.error, severity: 'error' });
      else if (d.serverError) problems.push({ line: d.line ?? 1, message: d.serverError.message, severity: 'error' });
    }
  }
  if (problems.length === 0 && result.exitCode !== 0 && result.stderr.trim()) {
    problems.push({ line: 1, message: errorText(result.stderr.trim()), severity: 'error' });
  }
  problems.push(...duplicateKeyWarnings(decoded));
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.column ?? 0}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}
