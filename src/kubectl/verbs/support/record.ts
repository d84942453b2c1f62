/**
 * The deprecated `--record` flag: writes the command line into the `kubernetes.io/change-cause` annotation
 * (what `rollout history` shows as CHANGE-CAUSE).
 * Models staging/src/k8s.io/cli-runtime/pkg/genericclioptions/record_flags.go (RecordFlags, ChangeCauseRecorder,
 * parseCommandArguments).
 */
import type { KubeObject } from '../../../engine';
import type { FlagSpec, ParsedArgs } from '../../cli/flags';
import { flag } from '../../cli/flags';
import type { CommandContext } from '../../context';

/** The annotation that carries the change cause. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** The flag as kubectl declares it (a bool, deprecated). */
export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool' };

/**
 * Prints pflag's deprecation notice when `--record` was given and returns the change cause to record, or
 * undefined when recording is off. `commandPath` is the command without `kubectl` (`set image`).
 */
export function recordedChangeCause(ctx: CommandContext, args: ParsedArgs, commandPath: string): string | undefined {
  if (!flag.has(args, 'record')) return undefined;
  ctx.out.err('Flag --record has been deprecated, --record will be removed in the future\n');
  if (!flag.bool(args, 'record')) return undefined;
  return changeCauseOf(args, commandPath);
}

/**
 * The command line as the recorder rebuilds it: `kubectl`, the positional words, then every flag given as
 * `--name=value` in the order first given.
 */
// Divergence: upstream re-parses os.Args; flags given several times are listed together at their first position.
export function changeCauseOf(args: ParsedArgs, commandPath: string): string {
  const words = ['kubectl', ...commandPath.split(' '), ...args.positional, ...(args.afterDash ?? [])];
  const flags: string[] = [];
  for (const name of args.changed) {
    const v = args.flags.get(name);
    if (Array.isArray(v)) for (const item of v) flags.push(`--${name}=${item}`);
    else flags.push(`--${name}=${String(v)}`);
  }
  return [...words, ...flags].join(' ');
}

/** Sets the change-cause annotation on a (mutable) object. */
export function recordChangeCause(obj: KubeObject, cause: string | undefined): void {
  if (cause === undefined) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause };
}
