/**
 * The `--dry-run` flag of mutating verbs: `none`, `client`, `server`, plus the deprecated bare and boolean forms
 * with the warnings kubectl logs for them.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (AddDryRunFlag, GetDryRunStrategy,
 * PrintFlagsWithDryRunStrategy).
 */
import type { FlagSpec, ParsedArgs } from '../../cli/flags';
import { flag } from '../../cli/flags';
import type { CommandContext } from '../../context';
import { clientError } from '../../errors';
import { klogWarning } from './klog';

/** How a mutating verb talks to the apiserver. */
export type DryRunStrategy = 'none' | 'client' | 'server';

/** The flag as kubectl declares it: a string defaulting to `none`, `unchanged` when given bare. */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };

const TRUE_VALUES = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_VALUES = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Reads `--dry-run`, logging kubectl's deprecation warnings for the bare and boolean forms. */
export function dryRunStrategy(ctx: CommandContext, args: ParsedArgs): DryRunStrategy {
  const v = flag.str(args, 'dry-run') || 'none';
  if (TRUE_VALUES.has(v)) {
    klogWarning(ctx, 'helpers.go:745', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`);
    return 'client';
  }
  if (FALSE_VALUES.has(v)) {
    klogWarning(ctx, 'helpers.go:748', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`);
    return 'none';
  }
  switch (v) {
    case 'unchanged':
      klogWarning(ctx, 'helpers.go:731', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return v;
    default:
      throw clientError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The suffix kubectl appends to the operation of a dry run (`created (dry run)`). */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}
