/**
 * A minimal terminal screen for tests: interprets the few sequences the shell writes (CR, LF, ESC[J, ESC[nA,
 * ESC[nG, SGR colours) with wrapping at `cols`, so tests can read what a user would see.
 */
import { charWidth } from './line-editor';

export class FakeScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(readonly cols: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
        const m = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(data.slice(i))!;
        const n = Number(m[1] || '1');
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        else if (m[2] === 'G') this.col = n - 1;
        else if (m[2] === 'J') {
          this.rows[this.row] = (this.rows[this.row] ?? []).slice(0, this.col);
          this.rows.length = this.row + 1;
        }
        this.pendingWrap = false;
        i += m[0].length;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.row++;
        this.col = 0;
        this.pendingWrap = false;
      } else {
        const cp = String.fromCodePoint(data.codePointAt(i)!);
        if (this.pendingWrap) {
          this.row++;
          this.col = 0;
          this.pendingWrap = false;
        }
        const line = (this.rows[this.row] ??= []);
        while (line.length < this.col) line.push(' ');
        line[this.col] = cp;
        if (charWidth(cp) === 2) line[this.col + 1] = '';
        this.col += charWidth(cp);
        if (this.col >= this.cols) {
          this.col = this.cols - 1;
          this.pendingWrap = true;
        }
        i += cp.length;
        continue;
      }
      while (this.rows.length <= this.row) this.rows.push([]);
      i++;
    }
    while (this.rows.length <= this.row) this.rows.push([]);
  }

  clear(): void {
    this.rows = [[]];
    this.row = 0;
    this.col = 0;
  }

  /** The visible text, trailing blanks trimmed. */
  text(): string {
    return this.rows.map((r) => r.join('').trimEnd()).join('\n').replace(/\n+$/, '');
  }
}
