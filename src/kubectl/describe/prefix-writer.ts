/**
 * The indentation-aware writer every describer writes through: each level adds two spaces in front of the text,
 * terminal control characters are neutralised, and the result goes through the tab aligner.
 */
import { TabWriter } from './tabwriter';

/** Indentation levels, two spaces each. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Writes text at an indentation level; `writeLine` writes whole lines with no indentation. */
export interface PrefixWriter {
  write(level: number, text: string): void;
  /** Joins the parts with spaces and ends the line, as Go's fmt.Sprintln. */
  writeLine(...parts: string[]): void;
  /** Renders everything buffered so far; later lines start new columns. */
  flush(): void;
}

// Models staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go WriteEscaped (ESC and CR are made visible).
function escapeTerminal(text: string): string {
  return text.split('\x1b').join('^[').split('\r').join('\\r');
}

// Models staging/src/k8s.io/kubectl/pkg/describe/describe.go prefixWriter.
class TabbedPrefixWriter implements PrefixWriter {
  constructor(private readonly tw: TabWriter) {}

  write(level: number, text: string): void {
    this.tw.write(escapeTerminal('  '.repeat(level) + text));
  }

  writeLine(...parts: string[]): void {
    this.tw.write(escapeTerminal(parts.join(' ') + '\n'));
  }

  flush(): void {
    this.tw.flush();
  }
}

// Models staging/src/k8s.io/kubectl/pkg/describe/describe.go nestedPrefixWriter.
class NestedPrefixWriter implements PrefixWriter {
  constructor(private readonly inner: PrefixWriter, private readonly indent: number) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(...parts: string[]): void {
    this.inner.write(this.indent, parts.join(' ') + '\n');
  }

  flush(): void {
    this.inner.flush();
  }
}

/** A writer that shifts everything written through it `indent` levels to the right. */
export function nestedPrefixWriter(inner: PrefixWriter, indent: number): PrefixWriter {
  return new NestedPrefixWriter(inner, indent);
}

/**
 * Runs `body` against a fresh aligned writer and returns the rendered text.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString.
 */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const tw = new TabWriter();
  body(new TabbedPrefixWriter(tw));
  tw.flush();
  return tw.text();
}
