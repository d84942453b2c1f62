/**
 * Turns the terminal's input stream (what xterm.js reports: typed text, control characters, escape sequences,
 * pasted text) into editing keys for the line editor.
 */

/** One key or a run of printable text. */
export type Key =
  | { type: 'text'; text: string }
  | {
      type:
        | 'enter' | 'backspace' | 'delete' | 'tab' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end'
        | 'wordLeft' | 'wordRight' | 'interrupt' | 'eof' | 'clearScreen' | 'killToStart' | 'killToEnd' | 'killWordBack';
    };

/** Escape sequences xterm.js sends for the keys the line editor knows. */
const SEQUENCES: Record<string, Key['type']> = {
  '\x1b[A': 'up', '\x1bOA': 'up',
  '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right',
  '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'wordLeft', '\x1b[1;3D': 'wordLeft', '\x1bb': 'wordLeft',
  '\x1b[1;5C': 'wordRight', '\x1b[1;3C': 'wordRight', '\x1bf': 'wordRight',
};

/** Control characters (Ctrl+letter) the line editor knows. */
const CONTROLS: Record<string, Key['type']> = {
  '\r': 'enter', '\n': 'enter',
  '\x7f': 'backspace', '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt', // Ctrl+C
  '\x04': 'eof', // Ctrl+D
  '\x0c': 'clearScreen', // Ctrl+L
  '\x01': 'home', // Ctrl+A
  '\x05': 'end', // Ctrl+E
  '\x02': 'left', // Ctrl+B
  '\x06': 'right', // Ctrl+F
  '\x10': 'up', // Ctrl+P
  '\x0e': 'down', // Ctrl+N
  '\x15': 'killToStart', // Ctrl+U
  '\x0b': 'killToEnd', // Ctrl+K
  '\x17': 'killWordBack', // Ctrl+W
};

/** Splits input data into keys; printable runs stay together, `\r\n` counts as one Enter. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  // Bracketed paste markers carry no key of their own.
  // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
  data = data.replace(/\x1b\[20[01]~/g, '');
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      flush();
      const seq = Object.keys(SEQUENCES)
        .filter((s) => data.startsWith(s, i))
        .sort((a, b) => b.length - a.length)[0];
      if (seq) {
        keys.push({ type: SEQUENCES[seq]! } as Key);
        i += seq.length;
      } else {
        // An unknown sequence: skip ESC [ parameters and the final byte, so nothing odd lands in the line.
        // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i));
        i += m ? m[0].length : 1;
      }
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') {
      flush();
      keys.push({ type: 'enter' });
      i += 2;
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      keys.push({ type: control } as Key);
      i++;
      continue;
    }
    if (ch < ' ') {
      i++;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return keys;
}
