/**
 * `kubectl taint nodes NAME key=value:Effect`: adds (`key[=value]:Effect`), replaces (`--overwrite`) and removes
 * (`key:Effect-`, `key-`) node taints, on named nodes, `-l` or `--all`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go (parseTaints, reorganizeTaints).
 */
import { deepCopy, labelValueError, type KubeObject, type Taint } from '../../engine';
import { labelKeyError } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { lookupType } from '../resource-args';
import { DRY_RUN_FLAG, dryRunStrategy } from './support/dry-run';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { resolveTargets } from './support/targets';
import { clientFailure, statusFailure, throwIfAny, type VerbError } from './support/verb-errors';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint as written on the command line (effect may be empty for `key-`). */
export interface TaintSpec {
  key: string;
  value: string;
  effect: string;
}

/** `key=value:Effect`, `key:Effect`, `key` (removal only); throws the message kubectl prints. */
// Models taint/utils.go parseTaint.
export function parseTaint(st: string): TaintSpec {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const err = labelValueError(value);
      if (err) throw new Error(`invalid taint spec: ${st}, ${err}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${st}`);
  }
  const keyErr = labelKeyError(key);
  if (keyErr) throw new Error(`invalid taint spec: ${st}, ${keyErr}`);
  return { key, value, effect };
}

/** Splits taint arguments into taints to add and to remove. */
// Models taint/utils.go parseTaints.
export function parseTaints(specs: readonly string[]): { add: TaintSpec[]; remove: TaintSpec[] } {
  const add: TaintSpec[] = [];
  const remove: TaintSpec[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, value: '', effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** `key=value:effect` as Taint.ToString prints it. */
export function taintString(t: TaintSpec): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

const matchTaint = (a: { key: string; effect?: string }, b: { key: string; effect?: string }) => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/**
 * The node's new taints and the operation to report (`tainted`, `untainted`, `modified`), or the errors that stop
 * the change (overwrite conflicts, taints to remove that are not there).
 */
// Models taint.go updateTaints and utils.go reorganizeTaints.
export function updateTaints(node: KubeObject, add: TaintSpec[], remove: TaintSpec[], overwrite: boolean): { taints: Taint[]; operation: string } | { errors: string[] } {
  const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  if (!overwrite) {
    const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (exists.length > 0) return { errors: [`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`] };
  }
  const next: Taint[] = add.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect }) as Taint);
  for (const o of old) if (!next.some((n) => matchTaint(n, o))) next.push(deepCopy(o));
  const added = old.length !== next.length;
  const errors: string[] = [];
  let removed = false;
  let current = next;
  for (const r of remove) {
    const before = current.length;
    current = r.effect ? current.filter((t) => !matchTaint(r, t)) : current.filter((t) => t.key !== r.key);
    removed = current.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  if (errors.length > 0) return { errors };
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints: current, operation };
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    DRY_RUN_FLAG,
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-taint' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
  ],
  run: runTaint,
};

function runTaint(ctx: CommandContext, args: ParsedArgs): number {
  const dryRun = dryRunStrategy(ctx, args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of args.positional) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length === 0) resources.push(s);
    else throw clientError(`all resources must be specified before taint changes: ${s}`);
  }
  if (resources.length < 1) throw clientError('one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) throw clientError('at least one taint update is required');
  let parsed: { add: TaintSpec[]; remove: TaintSpec[] };
  try {
    parsed = parseTaints(taintArgs);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}\nSee 'kubectl taint -h' for help and examples`);
  }
  const resourceType = resources[0]!.toLowerCase();
  if (lookupType(resourceType).kind !== 'Node') throw clientError(`invalid resource type ${resourceType}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of parsed.add) {
    for (const r of parsed.remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect}`);
    }
  }
  if (conflicts.length > 0) throw clientError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = flag.bool(args, 'all');
  const selector = flag.str(args, 'selector');
  if (all && selector) throw clientError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw clientError("at least one resource name must be specified since 'all' parameter is not set");

  const visit = all || selector
    ? resolveTargets(ctx, { resources: ['nodes'], ...(all ? { all: true } : {}), ...(selector ? { selector } : {}) })
    : resolveTargets(ctx, { resources: ['nodes', ...resources.slice(1)] });
  const errors: VerbError[] = [...visit.errors];
  const overwrite = flag.bool(args, 'overwrite');
  for (const t of visit.targets) {
    const result = updateTaints(t.obj, parsed.add, parsed.remove, overwrite);
    if ('errors' in result) {
      errors.push(...result.errors.map(clientFailure));
      continue;
    }
    const next = deepCopy(t.obj);
    const spec = (next.spec ?? {}) as { taints?: Taint[] };
    if (result.taints.length > 0) spec.taints = result.taints;
    else delete spec.taints;
    next.spec = spec;
    if (dryRun === 'client') {
      printer.print(next, result.operation);
      continue;
    }
    const r = ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
    if (!r.ok) {
      errors.push(statusFailure(r.status));
      continue;
    }
    printer.print(r.value, result.operation);
  }
  throwIfAny(errors);
  return 0;
}
