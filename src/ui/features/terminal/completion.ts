/**
 * Tab completion for the terminal: shell commands, kubectl verbs and sub-commands, resource types (plural,
 * singular and short names), object names from the mirrored cluster store, namespaces and `-o` formats.
 */
import type { Vocabulary, VocabularyResource } from '../../../protocol/messages';

/** What completion can look up. */
export interface CompletionContext {
  vocabulary: Vocabulary | undefined;
  /** Names of objects of `kind` in `namespace` (undefined = every namespace), sorted. */
  names(kind: string, namespace: string | undefined): string[];
  namespaces(): string[];
  /** The namespace kubectl uses when no `-n` is given. */
  defaultNamespace: string;
}

/** The word being completed starts at `start` in the text before the cursor; `candidates` may replace it. */
export interface Completion {
  start: number;
  candidates: string[];
}

/** Commands the terminal's little shell understands. */
export const SHELL_COMMANDS = ['kubectl', 'k', 'clear', 'echo', 'help', 'history', 'sleep'];

/** Formats `-o` accepts. */
const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];

/** kubectl flags that take a value, so the value is not mistaken for a positional argument. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--image', '--replicas', '--port', '--type', '--field-selector', '--sort-by', '--tail', '--since', '--timeout', '--to-revision', '--revision', '--context', '--kubeconfig', '-p', '--patch']);

/** Verbs whose arguments are resources (`get pods web`) — after their sub-command when they have one. */
const RESOURCE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'rollout', 'set', 'autoscale', 'wait', 'explain']);

/** Verbs that only take node names. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);

/** The resource type a user's word names (`po`, `pods`, `pod`, `Deployment`). */
export function resolveResourceWord(vocabulary: Vocabulary | undefined, word: string): VocabularyResource | undefined {
  const w = word.toLowerCase().split('.')[0]!;
  return vocabulary?.resources.find((r) => r.resource === w || r.singular === w || r.shortNames.includes(w) || r.kind.toLowerCase() === w);
}

function startsWith(prefix: string) {
  return (c: string) => c.startsWith(prefix);
}

function unique(list: string[]): string[] {
  return [...new Set(list)].sort();
}

/** Completes the last word of `before` (the line left of the cursor). */
export function complete(before: string, ctx: CompletionContext): Completion {
  const m = /(\S*)$/.exec(before)!;
  const current = m[1]!;
  const start = before.length - current.length;
  const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const none: Completion = { start, candidates: [] };
  if (words.length === 0) return { start, candidates: SHELL_COMMANDS.filter(startsWith(current)) };
  const cmd = words[0]!;
  if (cmd !== 'kubectl' && cmd !== 'k') return none;

  const args = words.slice(1);
  const prev = args[args.length - 1];
  let namespace: string | undefined = ctx.defaultNamespace;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-A' || a === '--all-namespaces') namespace = undefined;
    else if ((a === '-n' || a === '--namespace') && i + 1 < args.length) namespace = args[i + 1];
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    positional.push(a);
  }

  // Flag values.
  if (prev === '-n' || prev === '--namespace') return { start, candidates: ctx.namespaces().filter(startsWith(current)) };
  if (prev === '-o' || prev === '--output') return { start, candidates: OUTPUT_FORMATS.filter(startsWith(current)) };
  if (current.startsWith('--namespace=')) {
    return { start, candidates: ctx.namespaces().map((n) => `--namespace=${n}`).filter(startsWith(current)) };
  }
  if (current.startsWith('-o') && current.length > 2 && !current.startsWith('--')) {
    return { start, candidates: OUTPUT_FORMATS.map((f) => `-o${f}`).filter(startsWith(current)) };
  }
  if (current.startsWith('-')) return none;

  const verbs = ctx.vocabulary?.verbs ?? [];
  if (positional.length === 0) return { start, candidates: verbs.map((v) => v.name).filter(startsWith(current)) };
  const verb = verbs.find((v) => v.name === positional[0]);
  if (!verb) return none;
  let rest = positional.slice(1);
  if (verb.subcommands.length > 0) {
    if (rest.length === 0) return { start, candidates: verb.subcommands.filter(startsWith(current)) };
    rest = rest.slice(1);
  }

  if (NODE_VERBS.has(verb.name) || (verb.name === 'taint' && rest.length >= 1)) {
    return { start, candidates: ctx.names('Node', undefined).filter(startsWith(current)) };
  }
  if (verb.name === 'logs' || verb.name === 'exec' || verb.name === 'port-forward' || verb.name === 'attach') {
    if (rest.length === 0) return { start, candidates: ctx.names('Pod', namespace).filter(startsWith(current)) };
    return none;
  }
  if (!RESOURCE_VERBS.has(verb.name) && verb.name !== 'taint') return none;

  // `kind/name` words.
  const slash = current.indexOf('/');
  if (slash >= 0) {
    const type = resolveResourceWord(ctx.vocabulary, current.slice(0, slash));
    if (!type) return none;
    const prefix = current.slice(0, slash + 1);
    return { start, candidates: ctx.names(type.kind, type.namespaced ? namespace : undefined).map((n) => prefix + n).filter(startsWith(current)) };
  }
  const resourceWords = (ctx.vocabulary?.resources ?? []).flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
  if (rest.length === 0) return { start, candidates: unique(resourceWords.filter(startsWith(current))) };
  const first = rest[0]!;
  if (first.includes('/')) return none;
  // `get pods,svc` lists types, not names.
  const type = first.includes(',') ? undefined : resolveResourceWord(ctx.vocabulary, first);
  if (!type || verb.name === 'explain') return none;
  return { start, candidates: ctx.names(type.kind, type.namespaced ? namespace : undefined).filter(startsWith(current)) };
}

/** The longest prefix all candidates share. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const c of candidates) {
    let i = 0;
    while (i < prefix.length && i < c.length && prefix[i] === c[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Candidates laid out in columns that fit `cols` cells, as bash lists them. */
export function columns(candidates: readonly string[], cols: number): string {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = candidates[c * rows + r];
      if (item !== undefined) line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
