/**
 * The editable input line of the terminal: text, cursor, readline-style edits, and the escape sequences that
 * redraw it (the line may wrap over several rows and hold wide CJK characters).
 */

/** Terminal cells a character takes: 2 for East Asian wide characters, else 1. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Terminal cells a string takes. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Strips ANSI escape sequences (for measuring a coloured prompt). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** An input line: its characters (code points, so CJK and emoji edit as one) and the cursor index. */
export class LineEditor {
  private chars: string[] = [];
  cursor = 0;

  get text(): string {
    return this.chars.join('');
  }

  /** The text left of the cursor. */
  get beforeCursor(): string {
    return this.chars.slice(0, this.cursor).join('');
  }

  /** Replaces the whole line, cursor at the end. */
  set(text: string): void {
    this.chars = [...text];
    this.cursor = this.chars.length;
  }

  insert(text: string): void {
    const add = [...text];
    this.chars.splice(this.cursor, 0, ...add);
    this.cursor += add.length;
  }

  /** Replaces `count` characters left of the cursor with `text` (tab completion). */
  replaceBefore(count: number, text: string): void {
    const start = Math.max(0, this.cursor - count);
    const add = [...text];
    this.chars.splice(start, this.cursor - start, ...add);
    this.cursor = start + add.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.chars.splice(this.cursor - 1, 1);
    this.cursor--;
  }

  delete(): void {
    this.chars.splice(this.cursor, 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.chars.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.chars.length;
  }

  /** Moves to the start of the previous word (readline's backward-word). */
  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && this.chars[i - 1] === ' ') i--;
    while (i > 0 && this.chars[i - 1] !== ' ') i--;
    this.cursor = i;
  }

  /** Moves past the end of the next word. */
  wordRight(): void {
    let i = this.cursor;
    while (i < this.chars.length && this.chars[i] === ' ') i++;
    while (i < this.chars.length && this.chars[i] !== ' ') i++;
    this.cursor = i;
  }

  killToStart(): void {
    this.chars.splice(0, this.cursor);
    this.cursor = 0;
  }

  killToEnd(): void {
    this.chars.splice(this.cursor);
  }

  /** Deletes the word left of the cursor (Ctrl+W). */
  killWordBack(): void {
    const end = this.cursor;
    this.wordLeft();
    this.chars.splice(this.cursor, end - this.cursor);
  }
}

/** Where the previous drawing of the line left the cursor, relative to the line's first row. */
export interface DrawState {
  cursorRow: number;
}

/**
 * Escape sequences that redraw `prompt` + `text` starting at the line's first row and place the cursor at
 * `cursor`; `prev` says which row the cursor is on now. Returns the text to write and the new state.
 */
export function drawLine(prompt: string, text: string, cursor: number, cols: number, prev: DrawState): { out: string; state: DrawState } {
  const promptWidth = textWidth(stripAnsi(prompt));
  const chars = [...text];
  const total = promptWidth + textWidth(text);
  const atCursor = promptWidth + textWidth(chars.slice(0, cursor).join(''));
  let out = '';
  if (prev.cursorRow > 0) out += `\x1b[${prev.cursorRow}A`;
  out += `\r\x1b[J${prompt}${text}`;
  // A line that exactly fills its last row leaves xterm in the pending-wrap state; a space and CR move the cursor
  // to the next row's start, so the arithmetic below holds.
  if (total > 0 && total % cols === 0) out += ' \r';
  const endRow = Math.floor(total / cols);
  const row = Math.floor(atCursor / cols);
  const col = atCursor % cols;
  if (endRow > row) out += `\x1b[${endRow - row}A`;
  out += `\x1b[${col + 1}G`;
  return { out, state: { cursorRow: row } };
}
