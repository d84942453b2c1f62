/**
 * `kubectl label`: adds, changes (`--overwrite`) and removes (`key-`) labels on objects named by type and name,
 * `-f`, `-l` or `--all`; `--list` shows them; `--resource-version` makes the write conditional.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/label/label.go.
 */
import { labelValueError, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type FlagSpec, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { DRY_RUN_FLAG, dryRunStrategy } from './support/dry-run';
import { runMetadataUpdate } from './support/metadata-update';
import { splitResourcesAndPairs } from './support/pairs';
import { RECORD_FLAG, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';

/** Flags label and annotate share (besides their own `--overwrite` wording). */
export const METADATA_VERB_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'resource-version', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  RECORD_FLAG,
];

/** Parsed `key=value` / `key-` label arguments. */
export interface LabelChanges {
  set: Map<string, string>;
  remove: string[];
}

/** Parses label arguments with kubectl's errors (values validated, keys left to the server). */
export function parseLabelArgs(specs: readonly string[]): LabelChanges {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw clientError(`invalid label spec: ${spec}`);
      const err = labelValueError(parts[1]!);
      if (err) throw clientError(`invalid label value: ${JSON.stringify(spec)}: ${err}`);
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw clientError(`unknown label spec: ${spec}`);
    }
  }
  if (remove.some((k) => set.has(k))) throw clientError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** Applies label changes to a mutable object; returns the overwrite conflicts (then nothing is changed). */
export function applyLabelChanges(obj: KubeObject, changes: LabelChanges, overwrite: boolean): string[] {
  const current = obj.metadata.labels ?? {};
  if (!overwrite) {
    const conflicts: string[] = [];
    for (const [k, v] of changes.set) {
      if (k in current && current[k] !== v) conflicts.push(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
    }
    if (conflicts.length > 0) return conflicts;
  }
  const next: Record<string, string> = { ...current };
  for (const [k, v] of changes.set) next[k] = v;
  for (const k of changes.remove) delete next[k];
  obj.metadata.labels = next;
  return [];
}

/** `labeled`, `unlabeled` or `not labeled`, from the object's JSON before and after (updateDataChangeMsg). */
export function labelOperation(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: METADATA_VERB_FLAGS,
  run: runLabel,
};

function runLabel(ctx: CommandContext, args: ParsedArgs): number {
  const changeCause = recordedChangeCause(ctx, args, 'label');
  const dryRun = dryRunStrategy(ctx, args);
  const { resources, pairs } = splitResourcesAndPairs(args.positional, 'label');
  const changes = parseLabelArgs(pairs);
  const output = flag.str(args, 'output');
  const list = flag.bool(args, 'list');
  if (list && output) throw clientError('--list and --output may not be specified together');
  const format = parseResultFormat(output);
  validateMetadataArgs(args, resources, changes.set.size + changes.remove.length, 'label', 'pod.yaml', 'pod.json');
  const overwrite = flag.bool(args, 'overwrite');
  return runMetadataUpdate(
    ctx,
    args,
    resources,
    {
      field: 'labels',
      listTitle: 'Listing labels for',
      apply: (obj) => applyLabelChanges(obj, changes, overwrite),
      beforeServerWrite: (obj) => {
        for (const k of changes.remove) {
          if (!(k in (obj.metadata.labels ?? {}))) ctx.out.out(`label ${JSON.stringify(k)} not found.\n`);
        }
      },
      operation: (before, after) => labelOperation(before, after, overwrite),
      printLocalCopy: true,
      recordFirst: false,
      changeCause,
    },
    dryRun,
    new ResultPrinter(ctx, format, dryRun),
  );
}

/** The argument checks label and annotate make before reading anything (Validate). */
export function validateMetadataArgs(args: ParsedArgs, resources: string[], updates: number, noun: string, fileExample: string, jsonExample: string): void {
  if (flag.bool(args, 'all') && flag.str(args, 'selector')) throw clientError('cannot set --all and --selector at the same time');
  if (flag.bool(args, 'all') && flag.str(args, 'field-selector')) throw clientError('cannot set --all and --field-selector at the same time');
  const files = flag.arr(args, 'filename');
  if (flag.bool(args, 'local')) {
    if (flag.str(args, 'dry-run') === 'server') throw clientError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length > 0) throw clientError(`can only use local files by -f ${fileExample} or --filename=${jsonExample} when --local=true is set`);
    if (files.length === 0) throw clientError(`one or more files must be specified as -f ${fileExample} or --filename=${jsonExample}`);
  } else if (resources.length < 1 && files.length === 0) {
    throw clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (updates < 1 && !flag.bool(args, 'list')) throw clientError(`at least one ${noun} update is required`);
}
