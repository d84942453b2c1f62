/**
 * The kubectl interpreter shared by the browser terminal and the CLI: parses a command line, dispatches to the
 * verb and returns what a real kubectl would print, with its exit code.
 */
import type { Cluster, KubeObject } from '../engine';
import { FlagError, parseFlags, type FlagSpec } from './cli/flags';
import { GLOBAL_FLAGS, type Command } from './command';
import { NO_FILES, type ApplyDiagnostic, type CommandContext, type FileSource, type KubeconfigState } from './context';
import { KubectlError } from './errors';
import { Output, type RunResult } from './io';
import { tokenize } from './shell/tokenize';
import { COMMANDS } from './verbs';
import { rootHelp, commandHelp } from './help';

/** Options of an interpreter. */
export interface KubectlOptions {
  files?: FileSource;
  /** Called by `kubectl edit` in hosts that have an editor. */
  editor?: (obj: KubeObject) => void;
  /** Receives each document `kubectl apply` fails on (hosts with an editor turn them into markers). */
  report?: (d: ApplyDiagnostic) => void;
}

/** One kubectl "installation": its kubeconfig state persists across commands. */
export class Kubectl {
  readonly config: KubeconfigState;
  private readonly files: FileSource;
  private readonly editor: ((obj: KubeObject) => void) | undefined;
  private readonly report: ((d: ApplyDiagnostic) => void) | undefined;

  constructor(
    readonly cluster: Cluster,
    opts: KubectlOptions = {},
  ) {
    this.config = { namespace: 'default', clusterName: `kind-${cluster.name}`, contextName: `kind-${cluster.name}`, user: `kind-${cluster.name}` };
    this.files = opts.files ?? NO_FILES;
    this.editor = opts.editor;
    this.report = opts.report;
  }

  /** Runs one command line (`kubectl get pods`, `k get po`, or just `get pods`). */
  run(line: string, stdin?: string): RunResult {
    const t = tokenize(line);
    if (!t.ok) {
      const out = new Output();
      out.err(`bash: ${t.error}\n`);
      return out.result(2);
    }
    let words = t.words;
    if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
    return this.runArgs(words, stdin);
  }

  /** Runs kubectl with `argv` (without the leading `kubectl`). */
  runArgs(argv: readonly string[], stdin?: string): RunResult {
    const out = new Output();
    try {
      const code = this.dispatch(argv, out, stdin);
      return out.result(code);
    } catch (e) {
      if (e instanceof KubectlError) {
        out.err(`${e.message}\n`);
        return out.result(e.exitCode);
      }
      throw e;
    }
  }

  private dispatch(argv: readonly string[], out: Output, stdin: string | undefined): number {
    // The verb is the first word that is not a global flag or its value (`kubectl -n kube-system get pods`).
    let i = 0;
    while (i < argv.length && argv[i]!.startsWith('-')) {
      const a = argv[i]!;
      const takesValue = ['-n', '--namespace', '--context', '--kubeconfig', '-v', '--v', '--request-timeout'].includes(a);
      i += takesValue ? 2 : 1;
    }
    const verb = argv[i];
    if (verb === undefined) {
      if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
        out.out(rootHelp(COMMANDS));
        return 0;
      }
      if (argv.includes('--version')) {
        out.err('error: unknown flag: --version\nSee \'kubectl --help\' for usage.\n');
        return 1;
      }
    }
    const rest = [...argv.slice(0, i), ...argv.slice(i + 1)];
    const top = COMMANDS.find((c) => c.name === verb);
    if (!top) {
      out.err(`error: unknown command "${verb}" for "kubectl"${suggest(verb ?? '')}\n`);
      return 1;
    }
    let cmd: Command = top;
    let cmdPath = `kubectl ${cmd.name}`;
    let args = rest;
    // Sub-commands (possibly nested): the first positional word after the verb (`rollout status`,
    // `create secret generic`), skipping the values of flags that take one (`create -n x deployment`).
    while (cmd.subcommands) {
      const j = firstPositional(args, [...GLOBAL_FLAGS, ...cmd.flags]);
      const word = j >= 0 ? args[j] : undefined;
      const sub: Command | undefined = word === undefined ? undefined : cmd.subcommands.find((s) => s.name === word || s.aliases?.includes(word));
      if (!sub) break;
      cmd = sub;
      cmdPath = `${cmdPath} ${sub.name}`;
      args = [...args.slice(0, j), ...args.slice(j + 1)];
    }
    const specs: FlagSpec[] = [...GLOBAL_FLAGS, ...cmd.flags.filter((f) => !GLOBAL_FLAGS.some((g) => g.name === f.name))];
    let parsed;
    try {
      parsed = parseFlags(args, specs);
    } catch (e) {
      if (e instanceof FlagError) {
        out.err(`error: ${e.message}\nSee '${cmdPath} --help' for usage.\n`);
        return 1;
      }
      throw e;
    }
    if (parsed.flags.get('help') === true) {
      out.out(commandHelp(cmd, cmdPath));
      return 0;
    }
    const ns = (parsed.flags.get('namespace') as string | undefined) || this.config.namespace;
    const ctx: CommandContext = {
      cluster: this.cluster,
      out,
      config: this.config,
      files: this.files,
      stdin,
      namespace: ns,
      ...(this.editor ? { editor: this.editor } : {}),
      ...(this.report ? { report: this.report } : {}),
    };
    return cmd.run(ctx, parsed);
  }
}

/** Index of the first positional argument, stepping over flags and the values of flags that take one. */
function firstPositional(args: readonly string[], specs: readonly FlagSpec[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (a.includes('=')) continue;
    const spec = a.startsWith('--') ? specs.find((f) => f.name === a.slice(2)) : a.length === 2 ? specs.find((f) => f.short === a[1]) : undefined;
    if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
  }
  return -1;
}

function suggest(verb: string): string {
  const names = COMMANDS.map((c) => c.name);
  const close = names.filter((n) => levenshtein(n, verb) <= 2 || (verb.length > 2 && n.startsWith(verb)));
  if (close.length === 0) return '';
  return `\n\nDid you mean this?\n${close.map((c) => `\t${c}`).join('\n')}`;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}
