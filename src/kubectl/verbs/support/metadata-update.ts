/**
 * The visit-mutate-write loop `kubectl label` and `kubectl annotate` share: resolve the targets, change a copy
 * of each object's metadata, write it back (or only print it for client dry runs, `--local` and `--list`), print
 * the result, and report per-object failures at the end.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/label/label.go RunLabel and
 * staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go RunAnnotate.
 */
import { canonicalJson, deepCopy, type KubeObject } from '../../../engine';
import type { ParsedArgs } from '../../cli/flags';
import { flag } from '../../cli/flags';
import type { CommandContext } from '../../context';
import { clientError } from '../../errors';
import { parseFieldSelector } from '../get';
import type { DryRunStrategy } from './dry-run';
import { ResultPrinter } from './result-printer';
import { resolveTargets, type Target } from './targets';
import { clientFailure, statusFailure, throwIfAny, type VerbError } from './verb-errors';

/** What one verb changes and how it reports it. */
export interface MetadataUpdate {
  /** `labels` or `annotations` (for `--list`). */
  field: 'labels' | 'annotations';
  /** `Listing labels for` / `Listing annotations for`. */
  listTitle: string;
  /** Applies the change to a private copy; returns the messages of the conflicts that stop it (`--overwrite`). */
  apply(obj: KubeObject): string[];
  /** Runs before a server write (label prints `label "x" not found.`). */
  beforeServerWrite?(obj: KubeObject): void;
  /** The operation printed for one object, given its JSON before and after the change. */
  operation(before: string, after: string): string;
  /** Which object the printer shows after a server write: the local copy (label) or the server's (annotate). */
  printLocalCopy: boolean;
  /** Adds the change cause before (annotate) or after (label) `apply`. */
  recordFirst: boolean;
  changeCause: string | undefined;
}

/** Resolves the targets from the common flags and runs `update` on each. Returns the exit code. */
export function runMetadataUpdate(
  ctx: CommandContext,
  args: ParsedArgs,
  resources: string[],
  update: MetadataUpdate,
  dryRun: DryRunStrategy,
  printer: ResultPrinter,
): number {
  const list = flag.bool(args, 'list');
  const local = flag.bool(args, 'local');
  const rv = flag.str(args, 'resource-version');
  const visit = resolveTargets(ctx, {
    resources,
    filenames: flag.arr(args, 'filename'),
    recursive: flag.bool(args, 'recursive'),
    selector: flag.str(args, 'selector'),
    fieldSelector: parseFieldSelector(flag.str(args, 'field-selector')),
    all: flag.bool(args, 'all'),
    allNamespaces: flag.bool(args, 'all-namespaces'),
    enforceNamespace: flag.has(args, 'namespace'),
    local,
  });
  if (!visit.singleItemImplied && rv) throw clientError('--resource-version may only be used with a single resource');
  const errors: VerbError[] = [...visit.errors];
  for (const t of visit.targets) {
    const failure = updateOne(ctx, t, update, { list, local, rv, dryRun, single: visit.singleItemImplied }, printer);
    if (failure) errors.push(...failure);
  }
  throwIfAny(errors);
  return 0;
}

interface UpdateMode {
  list: boolean;
  local: boolean;
  rv: string;
  dryRun: DryRunStrategy;
  single: boolean;
}

function updateOne(ctx: CommandContext, t: Target, update: MetadataUpdate, mode: UpdateMode, printer: ResultPrinter): VerbError[] | undefined {
  const obj = deepCopy(t.obj) as KubeObject;
  obj.metadata = { ...obj.metadata };
  // An explicit resource version is always sent, so the "before" JSON must not carry the current one.
  if (mode.rv) obj.metadata.resourceVersion = '';
  const before = canonicalJson(obj);
  const record = () => {
    if (update.changeCause !== undefined) {
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/change-cause': update.changeCause };
    }
  };
  // The change cause is only recorded on server writes: before the change (annotate) or after it (label).
  const applyChange = (server: boolean): VerbError[] | undefined => {
    if (server && update.recordFirst) record();
    const conflicts = update.apply(obj);
    if (conflicts.length > 0) return conflicts.map(clientFailure);
    if (mode.rv) obj.metadata.resourceVersion = mode.rv;
    if (server && !update.recordFirst) record();
    return undefined;
  };

  let output: KubeObject = obj;
  let operation: string;
  if (mode.dryRun === 'client' || mode.local || mode.list) {
    const failed = applyChange(false);
    if (failed) return failed;
    operation = update.operation(before, canonicalJson(obj));
  } else {
    update.beforeServerWrite?.(obj);
    const failed = applyChange(true);
    if (failed) return failed;
    operation = update.operation(before, canonicalJson(obj));
    const toWrite = deepCopy(obj);
    // Without --resource-version kubectl sends a merge patch, which never conflicts.
    if (!mode.rv) toWrite.metadata.resourceVersion = t.obj.metadata.resourceVersion;
    const r = ctx.cluster.api.update(toWrite, { dryRun: mode.dryRun === 'server' });
    if (!r.ok) return [statusFailure(r.status)];
    if (!update.printLocalCopy) output = r.value;
  }
  if (mode.list) {
    const values = (output.metadata[update.field] ?? {}) as Record<string, string>;
    let indent = '';
    if (!mode.single) {
      indent = ' ';
      const group = t.type.group;
      ctx.out.out(`${update.listTitle} ${t.type.kind}.${group}/${t.name}:\n`);
    }
    // Divergence: Go prints the map in random order; keys are sorted here.
    for (const k of Object.keys(values).sort()) ctx.out.out(`${indent}${k}=${values[k]}\n`);
    return undefined;
  }
  printer.print(output, operation);
  return undefined;
}
