/**
 * Session scripts: the tiny shell the CLI, lessons and tests drive a cluster with. Lines are `kubectl …` / `k …`,
 * `sleep <duration>` (virtual time), `echo`, `cat <file>`, `# comments`, heredocs (`kubectl apply -f - <<EOF`,
 * `cat <<EOF | kubectl apply -f -`) and `> file` redirection into the session's files.
 */

/** One step of a script. */
export interface ScriptStep {
  /** The command as it should be echoed (`$ ` + this); includes a heredoc body and terminator. */
  display: string;
  /** The command line proper (without heredoc body or redirection). */
  line: string;
  /** Heredoc body fed to stdin. */
  stdin?: string;
  /** `> file` target. */
  redirect?: string;
  /** A comment line (echoed verbatim, not run). */
  isComment?: boolean;
  /** 1-based line number in the script. */
  lineNo: number;
}

/** A script that could not be parsed: the message names the line. */
export class ScriptError extends Error {}

/** Splits a script into steps. */
export function parseScript(text: string): ScriptStep[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const steps: ScriptStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#!')) continue;
    if (trimmed.startsWith('#')) {
      steps.push({ display: trimmed, line: '', isComment: true, lineNo: i + 1 });
      continue;
    }
    // Line continuations.
    let line = trimmed;
    let display = trimmed;
    const start = i;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i++;
      line = `${line.slice(0, -1)} ${lines[i]!.trim()}`;
      display += `\n${lines[i]}`;
    }
    const here = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
    let stdin: string | undefined;
    if (here) {
      const stripTabs = here[1] === '-';
      const terminator = here[3]!;
      const body: string[] = [];
      let found = false;
      while (++i < lines.length) {
        const l = stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!;
        if (l.trim() === terminator) {
          found = true;
          break;
        }
        body.push(l);
      }
      if (!found) throw new ScriptError(`line ${start + 1}: here-document delimited by end-of-file (wanted \`${terminator}')`);
      stdin = body.length ? `${body.join('\n')}\n` : '';
      display = `${display}\n${body.join('\n')}${body.length ? '\n' : ''}${terminator}`;
      line = line.replace(here[0], '').trim();
      // `cat <<EOF | kubectl apply -f -` → the right side of the pipe reads the heredoc.
      const pipe = /^cat\s*\|\s*(.+)$/.exec(line);
      if (pipe) line = pipe[1]!.trim();
    }
    let redirect: string | undefined;
    const red = /\s>\s*(\S+)\s*$/.exec(line);
    if (red) {
      redirect = red[1]!;
      line = line.slice(0, red.index).trim();
    }
    steps.push({ display, line, ...(stdin !== undefined ? { stdin } : {}), ...(redirect ? { redirect } : {}), lineNo: start + 1 });
  }
  return steps;
}
