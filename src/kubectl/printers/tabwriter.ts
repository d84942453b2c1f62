/**
 * Column alignment for table output, as kubectl's tabwriter lays it out.
 * Models text/tabwriter (github.com/liggitt/tabwriter fork) with the settings of
 * staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter:
 * minwidth 6, tabwidth 4, padding 3, pad char ' ', no flags besides RememberWidths.
 */

/** kubectl's tabwriter settings. */
export const TABWRITER_SETTINGS = { minWidth: 6, padding: 3 } as const;

interface Cell {
  text: string;
  width: number;
}

/**
 * Aligns tab-separated text: every cell that a tab terminates becomes a column, as wide as its widest cell plus 3
 * spaces (at least 6); the last cell of a line is written as is. Lines end with `\n`; text after the last newline
 * is formatted as a final line without one.
 */
export function tabwrite(text: string): string {
  const lines: Cell[][] = [];
  for (const raw of splitLines(text)) {
    lines.push(raw.split('\t').map((t) => ({ text: t, width: runeCount(t) })));
  }
  const out: string[] = [];
  formatBlock(lines, [], 0, lines.length, out);
  if (out.length === 0) return '';
  return text.endsWith('\n') ? `${out.join('\n')}\n` : out.join('\n');
}

/** Aligns rows of cells (one row a line); every line ends with `\n`. */
export function formatRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  // A trailing newline terminates the last line rather than starting an empty one.
  if (text.endsWith('\n')) parts.pop();
  return parts;
}

// Models text/tabwriter Writer.format: a column block is a run of consecutive lines that all have a cell in the
// column (the last cell of a line never counts); each block gets its own width.
function formatBlock(lines: Cell[][], widths: number[], line0: number, line1: number, out: string[]): void {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i]!.length - 1) continue;
    writeLines(lines, widths, start, i, out);
    start = i;
    let width: number = TABWRITER_SETTINGS.minWidth;
    for (; i < line1; i++) {
      const line = lines[i]!;
      if (column >= line.length - 1) break;
      const w = line[column]!.width + TABWRITER_SETTINGS.padding;
      if (w > width) width = w;
    }
    formatBlock(lines, [...widths, width], start, i, out);
    // Line i ended the block, so it has no cell in this column; the loop's increment may pass over it.
    start = i;
  }
  writeLines(lines, widths, start, line1, out);
}

function writeLines(lines: Cell[][], widths: number[], from: number, to: number, out: string[]): void {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    let s = '';
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (j < widths.length) s += c.text + ' '.repeat(widths[j]! - c.width);
      else s += c.text;
    }
    out.push(s);
  }
}

// Go's tabwriter measures cells in runes, not UTF-16 units.
function runeCount(s: string): number {
  return Array.from(s).length;
}
