/**
 * Splits a command line into words the way a POSIX shell does for the subset learners type: single and double
 * quotes, backslash escapes, and `#` comments. Variables and globs are left as written.
 */

/** The words of `line`, or an error for an unterminated quote. */
export function tokenize(line: string): { ok: true; words: string[] } | { ok: false; error: string } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unexpected EOF while looking for matching `\'\'' };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let buf = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) {
          buf += line[j + 1];
          j += 2;
          continue;
        }
        buf += line[j];
        j++;
      }
      if (j >= line.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      cur += buf;
      inWord = true;
      i = j + 1;
      continue;
    }
    if (ch === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    if (ch === '#' && !inWord) break;
    cur += ch;
    inWord = true;
    i++;
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}
