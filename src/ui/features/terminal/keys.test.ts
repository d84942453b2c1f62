import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys';

describe('parseKeys', () => {
  it('keeps printable runs together and splits control keys and escape sequences', () => {
    expect(parseKeys('get po\t')).toEqual([{ type: 'text', text: 'get po' }, { type: 'tab' }]);
    expect(parseKeys('\x1b[A\x1b[B\x1b[D\x1b[C\x1bOH\x1b[F\x1b[3~')).toEqual(['up', 'down', 'left', 'right', 'home', 'end', 'delete'].map((type) => ({ type })));
    expect(parseKeys('\x03\x0c\x01\x05\x15\x0b\x17\x7f')).toEqual(['interrupt', 'clearScreen', 'home', 'end', 'killToStart', 'killToEnd', 'killWordBack', 'backspace'].map((type) => ({ type })));
  });

  it('treats pasted line breaks as Enter, once per CRLF', () => {
    expect(parseKeys('a\r\nb\nc\r')).toEqual([{ type: 'text', text: 'a' }, { type: 'enter' }, { type: 'text', text: 'b' }, { type: 'enter' }, { type: 'text', text: 'c' }, { type: 'enter' }]);
  });

  it('drops unknown sequences and bracketed-paste markers', () => {
    expect(parseKeys('\x1b[200~x\x1b[201~\x1b[15~y')).toEqual([{ type: 'text', text: 'x' }, { type: 'text', text: 'y' }]);
  });
});
