/**
 * Elastic-tabstop column alignment, configured as kubectl's describers use it (minwidth 0, tabwidth 8, padding 2,
 * pad with spaces, no flags). Cells end at a tab; tab-terminated cells in contiguous lines form a column whose
 * width is the widest cell plus the padding. A line with no tab ends every open column.
 */

// Models go/src/text/tabwriter/tabwriter.go (Writer.Write, Writer.format, Writer.writeLines) with
// tabwriter.Init(buf, 0, 8, 2, ' ', 0) as in staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString.

const PADDING = 2;
const MIN_WIDTH = 0;

interface Cell {
  text: string;
  /** Width in Unicode code points, as Go counts runes. */
  width: number;
}

/** Buffers text written in pieces and renders it with aligned columns on flush. */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private out: string[] = [];

  /** Appends text; a newline ending a line with no tab flushes everything buffered so far. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const cellsInLine = this.terminateCell();
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line of a single cell cannot affect the alignment of later lines, so everything so far can be emitted.
        if (ch === '\f' || cellsInLine === 1) this.flush();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats and emits everything buffered; later writes start new columns. */
  flush(): void {
    if (this.cellText.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = '';
    this.widths = [];
  }

  /** Everything emitted so far (call flush first to include buffered text). */
  text(): string {
    return this.out.join('');
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cellText, width: runeCount(this.cellText) });
    this.cellText = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    let pending = line0;
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      // The last cell of a line is not tab-terminated and belongs to no column.
      if (column >= this.lines[cur]!.length - 1) continue;
      this.writeLines(pending, cur);
      pending = cur;
      let width = MIN_WIDTH;
      for (; cur < line1; cur++) {
        const line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + PADDING);
      }
      this.widths.push(width);
      this.format(pending, cur);
      this.widths.pop();
      pending = cur;
    }
    this.writeLines(pending, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((cell, j) => {
        this.out.push(cell.text);
        if (j < this.widths.length) this.out.push(' '.repeat(this.widths[j]! - cell.width));
      });
      // The final buffered line has no newline of its own.
      if (i + 1 < this.lines.length) this.out.push('\n');
    }
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
