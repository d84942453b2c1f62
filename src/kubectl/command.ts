/** The shape of one kubectl verb. */
import type { FlagSpec, ParsedArgs } from './cli/flags';
import type { CommandContext } from './context';

export interface Command {
  /** The verb (`get`, `rollout`). */
  name: string;
  /** One-line description for `kubectl --help`. */
  short: string;
  /** Usage line for errors and `--help` (`kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...)`). */
  usage: string;
  flags: FlagSpec[];
  /** Other names the command answers to (`create deploy` for `create deployment`). */
  aliases?: string[];
  /** Sub-commands (`rollout status`, `create deployment`, `config set-context`). */
  subcommands?: Command[];
  /** Runs the verb; returns the exit code. Throws KubectlError for failures. */
  run(ctx: CommandContext, args: ParsedArgs): number;
}

/** Flags every command accepts (kubectl's global flags that matter here). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'request-timeout', type: 'string' },
];
