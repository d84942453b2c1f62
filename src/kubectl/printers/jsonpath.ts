/**
 * `kubectl get -o jsonpath=...`: evaluates a JSONPath template against decoded JSON data and prints the results
 * the way kubectl does (several results of one action joined by spaces, maps and lists as compact JSON).
 * Models staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go and the JSONPathPrinter of
 * staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go.
 */
import {
  GoFloat, GoUint, goFloatString, goJsonMarshal, goKind, goSharpV, goSprint, goTypeName, type GoKind,
} from './go-format';
import { JsonPathParseError, parseJsonPath, type JsonPathNode, type ListNode, type SliceParam } from './jsonpath-parser';

export { JsonPathParseError } from './jsonpath-parser';

/** A failure while evaluating; `partial` is what the failing step returned, which some callers still use. */
export class JsonPathEvalError extends Error {
  constructor(message: string, readonly partial: readonly unknown[]) {
    super(message);
  }
}

/** Options of a template evaluation. */
export interface JsonPathOptions {
  /** A missing field yields nothing instead of an error (`--allow-missing-template-keys`, on by default). */
  allowMissingKeys?: boolean;
}

/**
 * A parsed JSONPath template. Create one per evaluation: range bookkeeping is per run, as in client-go.
 */
export class JsonPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndIndex = -1;
  private readonly allowMissingKeys: boolean;

  private constructor(private readonly root: ListNode, options: JsonPathOptions) {
    this.allowMissingKeys = options.allowMissingKeys ?? true;
  }

  /** Parses `template`; throws JsonPathParseError with client-go's message when it does not parse. */
  static parse(template: string, options: JsonPathOptions = {}): JsonPath {
    return new JsonPath(parseJsonPath(template), options);
  }

  /** The results of every top-level node, ranges expanded. Throws JsonPathEvalError. */
  findResults(data: unknown): unknown[][] {
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    this.lastEndIndex = -1;
    return this.findFrom(data, 0);
  }

  /** The printed output of the template for `data`. Throws JsonPathEvalError. */
  execute(data: unknown): string {
    return this.findResults(data).map(printResults).join('');
  }

  // Models jsonpath.go FindResults: a `{range}` action re-runs the following nodes once per result until the
  // matching `{end}`, then evaluation resumes after that end.
  private findFrom(data: unknown, from: number): unknown[][] {
    const nodes = this.root.nodes;
    const cur = [data];
    const full: unknown[][] = [];
    for (let i = from; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndIndex = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findFrom(value, i + 1));
        } else {
          // Nothing to range over: still walk to the matching end so evaluation resumes after it.
          this.findFrom(null, i + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndIndex) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: readonly unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.rethrowWith(input, () => this.evalList(input, n)));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private rethrowWith(input: readonly unknown[], f: () => unknown[]): unknown[] {
    try {
      return f();
    } catch (e) {
      if (e instanceof JsonPathEvalError) throw new JsonPathEvalError(e.message, input);
      throw e;
    }
  }

  private evalList(input: readonly unknown[], list: ListNode): unknown[] {
    let cur: unknown[] = [...input];
    for (const n of list.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: readonly unknown[], name: string): unknown[] {
    switch (name) {
      case 'range':
        this.beginRange++;
        return [...input];
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [];
        }
        throw new JsonPathEvalError('not in range, nothing to end', []);
      default:
        throw new JsonPathEvalError(`unrecognized identifier ${name}`, input);
    }
  }

  private evalField(input: readonly unknown[], name: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (goKind(value) !== 'map') continue;
      const map = value as Record<string, unknown>;
      // A key holding null still yields a value (printed as `null`); an absent key yields nothing. An undefined
      // property is absent, as it is once the object goes through JSON.
      if (Object.prototype.hasOwnProperty.call(map, name) && map[name] !== undefined) results.push(map[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathEvalError(`${name} is not found`, results);
    return results;
  }

  private evalFilter(input: readonly unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathEvalError(`${goSprint(value)} is not array or slice and cannot be filtered`, input);
      }
      for (const item of value) {
        let lefts: unknown[];
        let leftError: JsonPathEvalError | undefined;
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (!(e instanceof JsonPathEvalError)) throw e;
          leftError = e;
          lefts = [...e.partial];
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftError) throw new JsonPathEvalError(leftError.message, input);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathEvalError('can only compare one element at a time', input);
        const rights = this.rethrowWith(input, () => this.evalList([item], node.right));
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathEvalError('can only compare one element at a time', input);
        if (compare(node.operator, lefts[0], rights[0], results)) results.push(item);
      }
    }
    return results;
  }
}

// Models jsonpath.go evalArray: Python-like slices with bounds checks.
function evalArray(input: readonly unknown[], nodeParams: readonly SliceParam[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) throw new JsonPathEvalError(`${goTypeName(value)} is not array or slice`, input);
    const params = nodeParams.map((p) => ({ ...p }));
    const [p0, p1, p2] = params as [SliceParam, SliceParam, SliceParam];
    const len = value.length;
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    // Asking for zero elements is allowed and yields nothing.
    if (p1.value === p0.value) return result;
    if (p0.value >= len || p0.value < 0) {
      throw new JsonPathEvalError(`array index out of bounds: index ${p0.value}, length ${len}`, input);
    }
    if (p1.value > len || p1.value < 0) {
      throw new JsonPathEvalError(`array index out of bounds: index ${p1.value - 1}, length ${len}`, input);
    }
    if (p0.value > p1.value) {
      throw new JsonPathEvalError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input);
    }
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) throw new JsonPathEvalError('step must be > 0', input);
      step = p2.value;
    }
    const slice = value.slice(p0.value, p1.value);
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

// The elements a wildcard or recursive descent walks into. Divergence: map values come in insertion order;
// Go visits map keys in random order.
function children(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'string') return utf8Bytes(value).map((b) => new GoUint(b));
  if (goKind(value) === 'map') return Object.values(value as Record<string, unknown>).filter((v) => v !== undefined);
  return [];
}

// Models jsonpath.go evalRecursive: every value that has children, followed by its descendants.
function evalRecursive(input: readonly unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    const kids = children(value);
    if (kids.length === 0) continue;
    result.push(value);
    result.push(...evalRecursive(kids));
  }
  return result;
}

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function basicKind(v: unknown): Exclude<GoKind, 'invalid' | 'map' | 'slice'> {
  const k = goKind(v);
  if (k === 'invalid' || k === 'map' || k === 'slice') throw new JsonPathEvalError(BAD_TYPE, []);
  return k;
}

function numeric(v: unknown): number {
  if (v instanceof GoFloat || v instanceof GoUint) return v.value;
  return v as number;
}

// Models client-go/third_party/forked/golang/template funcs.go Equal.
function equal(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    // Signed and unsigned integers compare by value.
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numeric(a) === numeric(b);
    throw new JsonPathEvalError(INCOMPATIBLE, []);
  }
  if (k1 === 'string' || k1 === 'bool') return a === b;
  return numeric(a) === numeric(b);
}

// Models funcs.go Less.
function less(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numeric(a) < numeric(b);
    throw new JsonPathEvalError(INCOMPATIBLE, []);
  }
  if (k1 === 'bool') throw new JsonPathEvalError(BAD_TYPE, []);
  if (k1 === 'string') return (a as string) < (b as string);
  return numeric(a) < numeric(b);
}

function compare(operator: string, left: unknown, right: unknown, results: readonly unknown[]): boolean {
  try {
    switch (operator) {
      case '<':
        return less(left, right);
      case '>':
        return !(less(left, right) || equal(left, right));
      case '==':
        return equal(left, right);
      case '!=':
        return !equal(left, right);
      case '<=':
        return less(left, right) || equal(left, right);
      case '>=':
        return !less(left, right);
      default:
        throw new JsonPathEvalError(`unrecognized filter operator ${operator}`, results);
    }
  } catch (e) {
    if (e instanceof JsonPathEvalError) throw new JsonPathEvalError(e.message, results);
    throw e;
  }
}

/** One action's results as kubectl prints them: space-separated; maps and lists as compact JSON. */
// Models jsonpath.go PrintResults and evalToText.
export function printResults(results: readonly unknown[]): string {
  return results.map((r) => {
    const k = goKind(r);
    if (k === 'map' || k === 'slice') return goJsonMarshal(r);
    if (r === null || r === undefined) return 'null';
    if (r instanceof GoFloat) return goFloatString(r.value);
    return goSprint(r);
  }).join(' ');
}

/**
 * Renders `-o jsonpath=<template>` for `data` (a decoded object, or a List for several). Throws an Error with
 * kubectl's message when the template does not parse (`error parsing jsonpath {.x, unclosed action`) or fails
 * to evaluate.
 */
export function renderJsonPath(template: string, data: unknown, options: JsonPathOptions = {}): string {
  let jp: JsonPath;
  try {
    jp = JsonPath.parse(template, options);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new Error(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  try {
    return jp.execute(data);
  } catch (e) {
    if (!(e instanceof JsonPathEvalError)) throw e;
    // Models cli-runtime JSONPathPrinter.PrintObj's error text (the object is dumped with %#v).
    throw new Error(
      `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. ` +
        'Printing more information for debugging the template:\n' +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`,
    );
  }
}
