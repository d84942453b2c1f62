import { describe, expect, it } from 'vitest';
import { TabWriter } from './tabwriter';
import { LEVEL_1, tabbedString } from './prefix-writer';

function render(text: string): string {
  const tw = new TabWriter();
  tw.write(text);
  tw.flush();
  return tw.text();
}

describe('TabWriter (Go text/tabwriter with padding 2)', () => {
  it('pads each column to its widest cell plus two spaces', () => {
    expect(render('a\tbb\tc\nccc\td\te\n')).toBe('a    bb  c\nccc  d   e\n');
  });

  it('lets a line without tabs end every open column', () => {
    expect(render('Name:\tx\nheader\nLongerName:\ty\n')).toBe('Name:  x\nheader\nLongerName:  y\n');
  });

  it('aligns a column only over the contiguous lines that have it', () => {
    // The second column exists on lines 1 and 3 only, so each is sized alone.
    expect(render('a\tb\tc\naaaa\td\nx\tlong\te\n')).toBe('a     b  c\naaaa  d\nx     long  e\n');
  });

  it('pads a tab-terminated cell even when nothing follows it', () => {
    expect(render('Namespace:\t\nName:\tweb\n')).toBe('Namespace:  \nName:       web\n');
  });

  it('counts characters, not bytes', () => {
    expect(render('é\tx\nab\ty\n')).toBe('é   x\nab  y\n');
  });

  it('emits text without a final newline as written', () => {
    expect(render('Pod Template:\n  <unset>')).toBe('Pod Template:\n  <unset>');
  });
});

describe('PrefixWriter', () => {
  it('indents two spaces per level and escapes terminal control characters', () => {
    const out = tabbedString((w) => {
      w.write(LEVEL_1, 'Message:\tbad\x1b[31m\r\n');
    });
    expect(out).toBe('  Message:  bad^[[31m\\r\n');
  });
});
