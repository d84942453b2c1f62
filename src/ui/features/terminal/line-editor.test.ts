import { describe, expect, it } from 'vitest';
import { drawLine, LineEditor, textWidth } from './line-editor';
import { FakeScreen } from './fake-screen.test-helper';

describe('LineEditor', () => {
  it('edits like readline', () => {
    const l = new LineEditor();
    l.insert('kubectl get pods');
    l.wordLeft();
    expect(l.beforeCursor).toBe('kubectl get ');
    l.killWordBack();
    expect(l.text).toBe('kubectl pods');
    l.home();
    l.delete();
    expect(l.text).toBe('ubectl pods');
    l.end();
    l.backspace();
    l.insert('中');
    expect(l.text).toBe('ubectl pod中');
    l.left();
    l.killToEnd();
    expect(l.text).toBe('ubectl pod');
    l.wordLeft();
    l.killToStart();
    expect([l.text, l.cursor]).toEqual(['pod', 0]);
  });

  it('measures wide characters as two cells', () => {
    expect(textWidth('ab中文')).toBe(6);
  });
});

describe('drawLine', () => {
  const render = (cols: number, text: string, cursor: number, steps = 1) => {
    const screen = new FakeScreen(cols);
    let state = { cursorRow: 0 };
    for (let i = 0; i < steps; i++) {
      const r = drawLine('$ ', text, cursor, cols, state);
      screen.write(r.out);
      state = r.state;
    }
    return screen;
  };

  it('draws the prompt and text and places the cursor', () => {
    const s = render(20, 'get pods', 3);
    expect(s.text()).toBe('$ get pods');
    expect([s.row, s.col]).toEqual([0, 5]);
  });

  it('redraws a wrapped line in place, also when it exactly fills a row', () => {
    const s = render(10, 'abcdefghijklmnop', 16, 3);
    expect(s.text()).toBe('$ abcdefgh\nijklmnop');
    expect([s.row, s.col]).toEqual([1, 8]);
    const full = render(10, 'abcdefgh', 8, 2);
    expect(full.text()).toBe('$ abcdefgh');
    expect([full.row, full.col]).toEqual([1, 0]);
    const mid = render(10, 'abcdefghijklmnop', 2, 2);
    expect(mid.text()).toBe('$ abcdefgh\nijklmnop');
    expect([mid.row, mid.col]).toEqual([0, 4]);
  });
});
