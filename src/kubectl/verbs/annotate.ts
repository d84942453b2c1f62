/**
 * `kubectl annotate`: adds, changes (`--overwrite`) and removes (`key-`) annotations; values may hold any text.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go.
 */
import type { KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { METADATA_VERB_FLAGS, validateMetadataArgs } from './label';
import { dryRunStrategy } from './support/dry-run';
import { runMetadataUpdate } from './support/metadata-update';
import { parsePairs, splitResourcesAndPairs, type ParsedPairs } from './support/pairs';
import { CHANGE_CAUSE_ANNOTATION, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';

/** Parses annotation arguments and rejects keys both set and removed. */
export function parseAnnotationArgs(pairs: readonly string[]): ParsedPairs {
  const parsed = parsePairs(pairs, 'annotation', true);
  const both = parsed.remove.filter((k) => parsed.set.has(k));
  if (both.length > 0) throw clientError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return parsed;
}

/** Applies annotation changes to a mutable object; returns the overwrite conflict (then nothing is changed). */
export function applyAnnotationChanges(obj: KubeObject, changes: ParsedPairs, overwrite: boolean): string[] {
  const current = obj.metadata.annotations ?? {};
  if (!overwrite) {
    const found: string[] = [];
    for (const [k, v] of changes.set) {
      // The change cause may always be overwritten.
      if (k === CHANGE_CAUSE_ANNOTATION) continue;
      if (k in current && current[k] !== v) found.push(`'${k}' already has a value (${current[k]})`);
    }
    if (found.length > 0) return [`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`];
  }
  const next: Record<string, string> = { ...current };
  for (const [k, v] of changes.set) next[k] = v;
  for (const k of changes.remove) delete next[k];
  obj.metadata.annotations = next;
  return [];
}

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: METADATA_VERB_FLAGS,
  run: runAnnotate,
};

function runAnnotate(ctx: CommandContext, args: ParsedArgs): number {
  const changeCause = recordedChangeCause(ctx, args, 'annotate');
  const dryRun = dryRunStrategy(ctx, args);
  const format = parseResultFormat(flag.str(args, 'output'));
  const { resources, pairs } = splitResourcesAndPairs(args.positional, 'annotation');
  const changes = parseAnnotationArgs(pairs);
  if (flag.bool(args, 'list') && flag.str(args, 'output')) throw clientError('--list and --output may not be specified together');
  validateMetadataArgs(args, resources, changes.set.size + changes.remove.length, 'annotation', 'rsrc.yaml', 'rsrc.json');
  const overwrite = flag.bool(args, 'overwrite');
  return runMetadataUpdate(
    ctx,
    args,
    resources,
    {
      field: 'annotations',
      listTitle: 'Listing annotations for',
      apply: (obj) => applyAnnotationChanges(obj, changes, overwrite),
      operation: () => 'annotated',
      printLocalCopy: false,
      recordFirst: true,
      changeCause,
    },
    dryRun,
    new ResultPrinter(ctx, format, dryRun),
  );
}
