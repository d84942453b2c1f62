/**
 * Runs session scripts against a cluster and prints a transcript: each command as `$ <command>` followed by its
 * output, stdout and stderr in the order written. `sleep` advances virtual time, so transcripts are reproducible.
 */
import { parseDuration, type Cluster } from '../../engine';
import { Kubectl } from '../kubectl';
import type { FileSource } from '../context';
import { tokenize } from './tokenize';
import { parseScript, type ScriptStep } from './script';
import type { RunResult } from '../io';

/** Files a session reads (relative to the script's folder) plus the ones it wrote with `>`. */
export class SessionFiles implements FileSource {
  private readonly written = new Map<string, string>();

  constructor(private readonly base: FileSource) {}

  read(path: string): string | undefined {
    return this.written.get(normalize(path)) ?? this.base.read(path);
  }

  list(path: string): string[] | undefined {
    const base = this.base.list(path);
    const dir = normalize(path).replace(/\/$/, '');
    const extra = [...this.written.keys()].filter((k) => k.startsWith(`${dir}/`) && !k.slice(dir.length + 1).includes('/')).map((k) => k.slice(dir.length + 1));
    if (!base && extra.length === 0) return undefined;
    return [...new Set([...(base ?? []), ...extra])].sort();
  }

  write(path: string, content: string): void {
    this.written.set(normalize(path), content);
  }
}

function normalize(p: string): string {
  return p.replace(/^\.\//, '');
}

/** A shell session: one kubectl, the session's files, and the transcript so far. */
export class Session {
  readonly kubectl: Kubectl;
  readonly files: SessionFiles;

  constructor(
    readonly cluster: Cluster,
    files: FileSource,
  ) {
    this.files = new SessionFiles(files);
    this.kubectl = new Kubectl(cluster, { files: this.files });
  }

  /** Runs a whole script; returns the transcript text. */
  runScript(text: string): string {
    let out = '';
    for (const step of parseScript(text)) out += this.runStep(step);
    return out;
  }

  /** Runs one step, returning its transcript (`$ cmd\n` + output). */
  runStep(step: ScriptStep): string {
    if (step.isComment) return `${step.display}\n`;
    const r = this.exec(step.line, step.stdin);
    let printed = r.output;
    if (step.redirect) {
      this.files.write(step.redirect, r.stdout);
      printed = r.stderr;
    }
    return `$ ${step.display}\n${printed}`;
  }

  /** Runs one command line of the mini shell. */
  exec(line: string, stdin?: string): RunResult {
    const t = tokenize(line);
    const fail = (msg: string, code: number): RunResult => ({ stdout: '', stderr: msg, output: msg, exitCode: code });
    if (!t.ok) return fail(`bash: ${t.error}\n`, 2);
    const [cmd, ...args] = t.words;
    if (cmd === undefined) return { stdout: '', stderr: '', output: '', exitCode: 0 };
    switch (cmd) {
      case 'kubectl':
      case 'k':
        return this.kubectl.runArgs(args, stdin);
      case 'sleep': {
        const ms = parseDuration(args[0] ?? '', 's');
        if (ms === undefined || args.length !== 1) return fail(`sleep: invalid time interval '${args[0] ?? ''}'\n`, 1);
        this.cluster.advance(ms);
        return { stdout: '', stderr: '', output: '', exitCode: 0 };
      }
      case 'echo': {
        const text = `${args.join(' ')}\n`;
        return { stdout: text, stderr: '', output: text, exitCode: 0 };
      }
      case 'cat': {
        if (args.length === 0) return { stdout: stdin ?? '', stderr: '', output: stdin ?? '', exitCode: 0 };
        const content = this.files.read(args[0]!);
        if (content === undefined) return fail(`cat: ${args[0]}: No such file or directory\n`, 1);
        return { stdout: content, stderr: '', output: content, exitCode: 0 };
      }
      default:
        return fail(`bash: ${cmd}: command not found\n`, 127);
    }
  }
}
