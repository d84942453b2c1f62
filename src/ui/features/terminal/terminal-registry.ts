/**
 * The live terminal, reachable from outside React: the app's test hooks read its text and type into it, and the
 * app hands it the saved history before it loads. Nothing here loads xterm.js.
 */

/** What a mounted terminal offers. */
export interface TerminalHandle {
  /** The terminal's text as shown (scrollback included), wrapped rows joined, trailing blanks trimmed. */
  text(): string;
  /** Types a command line and Enter; resolves when it has run. */
  run(line: string): Promise<void>;
  focus(): void;
}

let handle: TerminalHandle | undefined;
let initialHistory: string[] = [];
const waiters: ((h: TerminalHandle) => void)[] = [];

/** Called by the terminal view when it mounts (and with undefined when it unmounts). */
export function registerTerminal(h: TerminalHandle | undefined): void {
  handle = h;
  if (h) for (const w of waiters.splice(0)) w(h);
}

/** The mounted terminal, if any. */
export function currentTerminal(): TerminalHandle | undefined {
  return handle;
}

/** Resolves with the terminal once it is mounted. */
export function whenTerminal(): Promise<TerminalHandle> {
  return handle ? Promise.resolve(handle) : new Promise((resolve) => waiters.push(resolve));
}

/** Sets the history the terminal starts with (from the saved workspace). */
export function setInitialHistory(history: readonly string[]): void {
  initialHistory = [...history];
}

/** The history the terminal starts with. */
export function getInitialHistory(): readonly string[] {
  return initialHistory;
}
