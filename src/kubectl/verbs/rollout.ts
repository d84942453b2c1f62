/**
 * `kubectl rollout history|pause|resume|undo|status|restart` for Deployments, DaemonSets and StatefulSets.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/rollout/{rollout,rollout_history,rollout_pause,rollout_resume,
 * rollout_undo,rollout_status,rollout_restart}.go; the per-kind behaviour lives in ./rollout/.
 */
import { parseDuration, qualifiedResource } from '../../engine';
import type { Command } from '../command';
import { flag, type FlagSpec, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { nameOf } from '../output/print';
import { DRY_RUN_FLAG, dryRunStrategy } from './support/dry-run';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { resolveTargets, type Target } from './support/targets';
import { clientFailure, throwIfAny, type VerbError } from './support/verb-errors';
import { byRevisionNumber, historyOf, viewHistory } from './rollout/history';
import { pauseObject, restartObject, resumeObject, type PatchOutcome } from './rollout/object-patchers';
import { rollback } from './rollout/rollback';
import { statusViewerFor } from './rollout/status-viewers';
import { followRollout } from './rollout/watch-status';

const FILENAME_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
];
const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', default: '' };
const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];
const FIELD_MANAGER_FLAG: FlagSpec = { name: 'field-manager', type: 'string', default: 'kubectl-rollout' };

/** Models Validate of every rollout sub-command: a resource or a file is required. */
function requireResources(args: ParsedArgs): void {
  if (args.positional.length === 0 && flag.arr(args, 'filename').length === 0 && !flag.str(args, 'kustomize')) throw clientError('required resource not specified');
}

/**
 * Resolves the objects with ResourceTypeOrNameArgs(allowEmptySelector=true): a bare type means every object of
 * it in the namespace. Per-object failures (NotFound) are returned for the verb to report.
 */
function targetsOf(ctx: CommandContext, args: ParsedArgs): { targets: Target[]; errors: VerbError[] } {
  const resources = args.positional;
  const typeOnly = resources.length === 1 && !resources[0]!.includes('/');
  const visit = resolveTargets(ctx, {
    resources,
    filenames: flag.arr(args, 'filename'),
    recursive: flag.bool(args, 'recursive'),
    selector: flag.str(args, 'selector'),
    all: typeOnly && !flag.str(args, 'selector'),
    enforceNamespace: flag.has(args, 'namespace'),
  });
  return { targets: visit.targets, errors: visit.errors };
}

/** `deployments.apps` — how pause/resume/restart name the resource in their errors. */
function resourceString(t: Target): string {
  return qualifiedResource(t.type);
}

/** Parses a Go duration flag as pflag does, with its error. */
function durationFlag(args: ParsedArgs, name: string, cmdPath: string): number {
  const text = flag.str(args, name);
  const ms = parseDuration(text);
  if (ms !== undefined) return ms;
  const why = /^[+-]?\d+(\.\d+)?$/.test(text) ? `time: missing unit in duration "${text}"` : `time: invalid duration "${text}"`;
  throw new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: ${why}\nSee '${cmdPath} --help' for usage.`);
}

// ---------------------------------------------------------------------------------------------------------------
// rollout status

const statusCmd: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...FILENAME_FLAGS, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'string', default: '0s' }, SELECTOR_FLAG],
  run: (ctx, args) => {
    const timeoutMs = durationFlag(args, 'timeout', 'kubectl rollout status');
    requireResources(args);
    const revision = flag.int(args, 'revision');
    if (revision < 0) throw clientError(`revision must be a positive integer: ${revision}`);
    const { targets, errors } = targetsOf(ctx, args);
    for (const t of targets) {
      const viewer = statusViewerFor(t.obj.kind, t.type.group);
      if (typeof viewer === 'string') {
        errors.push(clientFailure(viewer));
        continue;
      }
      // The watch reads the object afresh (Latest()).
      const obj = ctx.cluster.api.get(t.type.kind, t.namespace, t.name) ?? t.obj;
      const err = followRollout(ctx.cluster, ctx.out, obj, viewer, { watch: flag.bool(args, 'watch'), revision, timeoutMs });
      if (err !== undefined) errors.push(clientFailure(err));
    }
    throwIfAny(errors);
    if (targets.length === 0) ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// rollout history

const historyCmd: Command = {
  name: 'history',
  short: 'View rollout history',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [{ name: 'revision', type: 'int', default: 0 }, SELECTOR_FLAG, ...FILENAME_FLAGS, ...PRINT_FLAGS],
  run: (ctx, args) => {
    requireResources(args);
    const revision = flag.int(args, 'revision');
    if (revision < 0) throw clientError(`revision must be a positive integer: ${revision}`);
    const output = flag.str(args, 'output');
    const printer = output ? new ResultPrinter(ctx, parseResultFormat(output)) : undefined;
    const { targets, errors } = targetsOf(ctx, args);
    for (const t of targets) {
      if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.obj.kind) || t.type.group !== 'apps') {
        errors.push(clientFailure(historyViewerError(t)));
        continue;
      }
      const h = historyOf(ctx.cluster.api, t.obj);
      if (!h.ok) {
        errors.push(clientFailure(h.error));
        continue;
      }
      if (printer) {
        // With -o the revisions themselves are printed: ReplicaSets, or the workload at that revision.
        const map = byRevisionNumber(h.entries);
        if (revision > 0) {
          const e = map.get(revision);
          if (!e) {
            errors.push(clientFailure('unable to find the specified revision'));
            continue;
          }
          printer.print(e.object, '');
        } else {
          for (const r of [...map.keys()].sort((a, b) => a - b)) printer.print(map.get(r)!.object, '');
        }
        continue;
      }
      const view = viewHistory(h.entries, revision);
      if (!view.ok) {
        errors.push(clientFailure(view.error));
        continue;
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      // The name printer with the table (or template) as its operation.
      ctx.out.out(`${nameOf(t.obj)} ${withRevision}\n${view.text}\n`);
    }
    throwIfAny(errors);
    return 0;
  },
};

/** Models HistoryViewerFor's errors for kinds without history. */
function historyViewerError(t: Target): string {
  const gk = t.type.group ? `${t.obj.kind}.${t.type.group}` : t.obj.kind;
  if (['ReplicaSet', 'Job', 'Pod', 'ReplicationController', 'CronJob'].includes(t.obj.kind)) return `no history viewer has been implemented for "${gk}"`;
  return `error retrieving history for "${gk}", no visitor method exists for {${t.type.group} ${t.obj.kind}}`;
}

// ---------------------------------------------------------------------------------------------------------------
// rollout undo

const undoCmd: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [{ name: 'to-revision', type: 'int', default: 0 }, ...FILENAME_FLAGS, DRY_RUN_FLAG, SELECTOR_FLAG, ...PRINT_FLAGS],
  run: (ctx, args) => {
    const dryRun = dryRunStrategy(ctx, args);
    requireResources(args);
    const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
    const { targets, errors } = targetsOf(ctx, args);
    for (const t of targets) {
      const r = rollback(ctx.cluster.api, t.obj, t.type.group, flag.int(args, 'to-revision'), dryRun);
      if (!r.ok) {
        errors.push(clientFailure(r.error));
        continue;
      }
      // kubectl prints the object as it was read, before the rollback.
      printer.print(t.obj, r.operation);
    }
    throwIfAny(errors);
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// rollout pause / resume / restart

/**
 * The shared loop of pause, resume and restart: edit each object, report per-object errors as
 * `error: <resource> "<name>" <why>`, write the edited ones, and print `<kind>/<name> <operation>`.
 * Models RunPause / RunResume / RunRestart with set.CalculatePatches.
 */
function patchEach(ctx: CommandContext, args: ParsedArgs, edit: (t: Target) => PatchOutcome, operation: string, emptyPatchError?: (t: Target) => string): number {
  requireResources(args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')));
  const { targets, errors } = targetsOf(ctx, args);
  if (targets.length === 0 && errors.length === 0) {
    ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  for (const t of targets) {
    const outcome = edit(t);
    if (!outcome.ok) {
      errors.push({ kind: 'rendered', text: `error: ${resourceString(t)} ${JSON.stringify(t.name)} ${outcome.error}` });
      continue;
    }
    const unchanged = JSON.stringify(outcome.obj) === JSON.stringify(t.obj);
    if (unchanged && emptyPatchError) {
      errors.push(clientFailure(emptyPatchError(t)));
      continue;
    }
    const r = ctx.cluster.api.update(outcome.obj);
    if (!r.ok) {
      errors.push(clientFailure(`failed to patch: ${r.status.message}`));
      continue;
    }
    printer.print(r.value, operation);
  }
  throwIfAny(errors);
  return 0;
}

const PATCH_FLAGS: FlagSpec[] = [...PRINT_FLAGS, ...FILENAME_FLAGS, FIELD_MANAGER_FLAG, SELECTOR_FLAG];

const pauseCmd: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  usage: 'kubectl rollout pause RESOURCE',
  flags: PATCH_FLAGS,
  run: (ctx, args) => patchEach(ctx, args, (t) => pauseObject(t.obj, t.type.group), 'paused'),
};

const resumeCmd: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  usage: 'kubectl rollout resume RESOURCE',
  flags: PATCH_FLAGS,
  run: (ctx, args) => patchEach(ctx, args, (t) => resumeObject(t.obj, t.type.group), 'resumed'),
};

const restartCmd: Command = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'kubectl rollout restart RESOURCE',
  flags: PATCH_FLAGS,
  run: (ctx, args) =>
    patchEach(ctx, args, (t) => restartObject(t.obj, t.type.group, ctx.cluster.nowMs), 'restarted', (t) => `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`),
};

// ---------------------------------------------------------------------------------------------------------------

/** `kubectl rollout`. */
export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [historyCmd, pauseCmd, resumeCmd, undoCmd, statusCmd, restartCmd],
  run: (ctx, args) => {
    if (args.positional.length > 0) throw clientError(`unknown command "${args.positional[0]}" for "kubectl rollout"`);
    const names = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
    const cmds = names.map((n) => rolloutCommand.subcommands!.find((c) => c.name === n)!);
    const lines = [
      'Manage the rollout of one or many resources.',
      '',
      ' Valid resource types include:',
      '',
      '  *  deployments',
      '  *  daemonsets',
      '  *  statefulsets',
      '',
      'Available Commands:',
      ...cmds.map((c) => `  ${c.name.padEnd(10)}${c.short}`),
      '',
      'Usage:',
      '  kubectl rollout SUBCOMMAND [options]',
      '',
      'Use "kubectl rollout <command> --help" for more information about a given command.',
      'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    ];
    ctx.out.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
