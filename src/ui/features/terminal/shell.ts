/**
 * The terminal's shell: reads keys into an input line (history, completion, heredocs, line continuations), runs
 * commands through its host (kubectl goes to the simulation worker) and writes what a terminal would show.
 * It knows nothing of xterm.js or React, so tests drive it with strings.
 */
import type { CommandOutput } from '../../../protocol/messages';
import { parseScript, type ScriptStep } from '../../../kubectl/shell/script';
import { tokenize } from '../../../kubectl/shell/tokenize';
import type { MessageKey, MessageVars } from '../../i18n';
import { columns, commonPrefix, complete, type CompletionContext } from './completion';
import { parseKeys, type Key } from './keys';
import { drawLine, LineEditor, type DrawState } from './line-editor';

/** What the shell needs from its surroundings. */
export interface ShellHost {
  /** Writes terminal text; `\n` is a new line (the view converts it). */
  write(text: string): void;
  /** Width of the terminal in cells. */
  cols(): number;
  clearScreen(): void;
  kubectl(line: string, stdin?: string): Promise<CommandOutput>;
  /** Advances virtual time (`sleep`). */
  step(ms: number): void;
  /** Opens YAML in an editor tab; false when there is no editor. */
  openInEditor(name: string, yaml: string): boolean;
  completion(): CompletionContext;
  /** UI text in the current language. */
  t(key: MessageKey, vars?: MessageVars): string;
  /** Called when the history changes (for saving it). */
  historyChanged?(history: readonly string[]): void;
}

/** The prompt: the only coloured thing the shell writes besides its own notes (kubectl output stays plain). */
export const PROMPT = '\x1b[1;32m$\x1b[0m ';
/** The prompt of continuation lines (heredoc bodies, lines ending in `\`). */
export const CONTINUATION_PROMPT = '\x1b[2m>\x1b[0m ';

const HISTORY_LIMIT = 500;
const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

/** Milliseconds of `30`, `30s`, `2m`, `1h`, `500ms`; undefined if it is not a duration. */
export function parseSleep(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']!;
  return Math.round(Number(m[1]) * unit);
}

/** A tab name for `kubectl edit`: `deployment-web.yaml` from `Deployment/default/web`. */
export function editFileName(objectId: string): string {
  const parts = objectId.split('/');
  return `${parts[0]!.toLowerCase()}-${parts[parts.length - 1]}.yaml`;
}

export class ShellSession {
  private readonly line = new LineEditor();
  private draw: DrawState = { cursorRow: 0 };
  private prompt = PROMPT;
  private readonly queue: Key[] = [];
  private running = false;
  /** Lines of a command that continues (heredoc body, `\` continuation). */
  private pending: string[] = [];
  private heredoc: { terminator: string; stripTabs: boolean } | undefined;
  private history: string[];
  private historyIndex: number;
  private draft = '';

  constructor(
    private readonly host: ShellHost,
    history: readonly string[] = [],
  ) {
    this.history = history.slice(-HISTORY_LIMIT);
    this.historyIndex = this.history.length;
  }

  /** The commands entered so far, oldest first. */
  get entries(): readonly string[] {
    return this.history;
  }

  /** The input line as typed so far (for tests). */
  get input(): string {
    return this.line.text;
  }

  /** True while a command runs (keys typed meanwhile are queued). */
  get busy(): boolean {
    return this.running;
  }

  /** Writes the banner and the first prompt. */
  start(banner: string): void {
    if (banner) this.host.write(`${banner}\n`);
    this.redraw();
  }

  /** Feeds input (typed keys or pasted text). Returns when everything queued so far has been handled. */
  async feed(data: string): Promise<void> {
    this.queue.push(...parseKeys(data));
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) await this.handle(this.queue.shift()!);
    } finally {
      this.running = false;
    }
  }

  /** Types `line` and Enter, as a user would (tests and the app's `runInTerminal`). */
  run(line: string): Promise<void> {
    return this.feed(`${line}\r`);
  }

  private redraw(): void {
    const { out, state } = drawLine(this.prompt, this.line.text, this.line.cursor, this.host.cols(), this.draw);
    this.host.write(out);
    this.draw = state;
  }

  /** Moves to a fresh row below the input line (before output). */
  private leaveLine(): void {
    this.line.end();
    this.redraw();
    this.host.write('\n');
    this.draw = { cursorRow: 0 };
  }

  private newPrompt(prompt = PROMPT): void {
    this.prompt = prompt;
    this.line.set('');
    this.draw = { cursorRow: 0 };
    this.redraw();
  }

  private async handle(key: Key): Promise<void> {
    const l = this.line;
    switch (key.type) {
      case 'text':
        l.insert(key.text);
        break;
      case 'enter':
        return this.enter();
      case 'backspace':
        l.backspace();
        break;
      case 'delete':
        l.delete();
        break;
      case 'left':
        l.left();
        break;
      case 'right':
        l.right();
        break;
      case 'home':
        l.home();
        break;
      case 'end':
        l.end();
        break;
      case 'wordLeft':
        l.wordLeft();
        break;
      case 'wordRight':
        l.wordRight();
        break;
      case 'killToStart':
        l.killToStart();
        break;
      case 'killToEnd':
        l.killToEnd();
        break;
      case 'killWordBack':
        l.killWordBack();
        break;
      case 'up':
      case 'down':
        if (this.pending.length) return;
        this.recall(key.type === 'up' ? -1 : 1);
        break;
      case 'tab':
        if (this.pending.length) return;
        return this.tab();
      case 'interrupt':
        this.line.end();
        this.redraw();
        this.host.write('^C\n');
        this.pending = [];
        this.heredoc = undefined;
        this.historyIndex = this.history.length;
        return this.newPrompt();
      case 'clearScreen':
        this.host.clearScreen();
        this.draw = { cursorRow: 0 };
        break;
      case 'eof':
        return;
    }
    this.redraw();
  }

  private recall(delta: number): void {
    const next = this.historyIndex + delta;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.line.text;
    this.historyIndex = next;
    this.line.set(next === this.history.length ? this.draft : this.history[next]!);
  }

  private tab(): void {
    const before = this.line.beforeCursor;
    const { start, candidates } = complete(before, this.host.completion());
    const current = before.slice(start);
    if (candidates.length === 0) return;
    if (candidates.length === 1) {
      const only = candidates[0]!;
      this.line.replaceBefore([...current].length, /[/=]$/.test(only) ? only : `${only} `);
      this.redraw();
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > current.length) {
      this.line.replaceBefore([...current].length, prefix);
      this.redraw();
      return;
    }
    // Nothing to add: list the choices under the line, then draw the line again.
    const text = this.line.text;
    const cursor = this.line.cursor;
    this.leaveLine();
    this.host.write(`${columns(candidates, this.host.cols())}\n`);
    this.line.set(text);
    this.line.cursor = cursor;
    this.redraw();
  }

  private async enter(): Promise<void> {
    const text = this.line.text;
    this.leaveLine();
    if (this.heredoc) {
      this.pending.push(text);
      const body = this.heredoc.stripTabs ? text.replace(/^\t+/, '') : text;
      if (body.trim() !== this.heredoc.terminator) return this.newPrompt(CONTINUATION_PROMPT);
      this.heredoc = undefined;
    } else {
      this.pending.push(text);
      if (text.endsWith('\\')) return this.newPrompt(CONTINUATION_PROMPT);
      const here = HEREDOC.exec(this.pending.join(' '));
      if (here) {
        this.heredoc = { terminator: here[3]!, stripTabs: here[1] === '-' };
        return this.newPrompt(CONTINUATION_PROMPT);
      }
    }
    const script = this.pending.join('\n');
    this.pending = [];
    this.remember(script);
    let steps: ScriptStep[] = [];
    try {
      steps = parseScript(script);
    } catch (e) {
      this.host.write(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    for (const step of steps) await this.runStep(step);
    this.newPrompt();
  }

  /** Adds a command to the history (heredoc commands by their first line). */
  private remember(script: string): void {
    const first = script.split('\n')[0]!.trim();
    this.historyIndex = this.history.length;
    if (!first || this.history[this.history.length - 1] === first) return;
    this.history.push(first);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.historyIndex = this.history.length;
    this.host.historyChanged?.(this.history);
  }

  private note(text: string): void {
    this.host.write(`\x1b[36m${text}\x1b[0m\n`);
  }

  /** Writes output, ending on a fresh row so the next prompt never overwrites it. */
  private print(text: string): void {
    if (!text) return;
    this.host.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  private async runStep(step: ScriptStep): Promise<void> {
    if (step.isComment) return;
    const t = tokenize(step.line);
    if (!t.ok) return this.print(`bash: ${t.error}\n`);
    const [cmd, ...args] = t.words;
    switch (cmd) {
      case undefined:
        return;
      case 'kubectl':
      case 'k': {
        let r: CommandOutput;
        try {
          r = await this.host.kubectl(step.line, step.stdin);
        } catch {
          return this.note(this.host.t('terminal.disconnected'));
        }
        if (step.redirect) {
          this.print(r.stderr);
          const file = step.redirect.replace(/^.*\//, '');
          if (this.host.openInEditor(file, r.stdout)) this.note(this.host.t('terminal.redirected', { file }));
          return;
        }
        this.print(r.output);
        if (r.edit) {
          const file = editFileName(r.edit.objectId);
          const object = `${r.edit.objectId.split('/')[0]!.toLowerCase()}/${r.edit.objectId.split('/').pop()}`;
          if (this.host.openInEditor(file, r.edit.yaml)) this.note(this.host.t('terminal.editOpened', { object, file }));
          else this.note(this.host.t('terminal.editUnavailable', { object }));
        }
        return;
      }
      case 'clear':
        this.host.clearScreen();
        return;
      case 'help':
        return this.print(`${this.host.t('terminal.help')}\n`);
      case 'history':
        return this.print(this.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}`).join('\n'));
      case 'echo':
        return this.print(`${args.join(' ')}\n`);
      case 'sleep': {
        const ms = args.length === 1 ? parseSleep(args[0]!) : undefined;
        if (ms === undefined) return this.print(`sleep: invalid time interval '${args[0] ?? ''}'\n`);
        this.host.step(ms);
        return;
      }
      default:
        return this.print(`bash: ${cmd}: command not found\n`);
    }
  }
}
