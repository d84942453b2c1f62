/**
 * What a container's process does, derived from its image's default behaviour and its command/args: how long it
 * runs, how it exits and what it logs. This is the minimum model the kubelet needs for restarts and Jobs; the
 * pod-runtime model (files, exec, probes against processes) grows from here.
 */
import type { DefaultBehaviour } from './images';

/** The behaviour of one container process. */
export interface Program {
  /** Milliseconds until the process exits on its own; Infinity for servers and `sleep infinity`. */
  runsForMs: number;
  exitCode: number;
  /** Lines written to stdout before exiting (or at start for servers). */
  logs: string[];
}

/**
 * Interprets a container's argv. Understands the shapes learners write: a server image with no command, `sleep N`,
 * `echo ...`, `exit N`, `sh -c "a; b && c"`, `true`/`false`, and the perl pi one-liner of the Job example.
 * Divergence: anything else is treated as a long-running process.
 */
export function programFor(behaviour: DefaultBehaviour, command: readonly string[] | undefined, args: readonly string[] | undefined): Program {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) {
    if (behaviour === 'server') return { runsForMs: Infinity, exitCode: 0, logs: [] };
    // A shell with no terminal reads EOF and exits at once: `kubectl run b --image=busybox` crash-loops as Completed.
    return { runsForMs: 50, exitCode: 0, logs: [] };
  }
  return runArgv(argv);
}

function runArgv(argv: readonly string[]): Program {
  const [cmd0, ...rest] = argv;
  const cmd = basename(cmd0 ?? '');
  if ((cmd === 'sh' || cmd === 'bash' || cmd === 'ash') && rest[0] === '-c') return runScript(rest[1] ?? '');
  return runScript(argv.map(quoteIfNeeded).join(' '));
}

/** Runs a tiny subset of sh: `;`, `&&`, `||` lists of sleep/echo/exit/true/false/perl/while-true loops. */
function runScript(script: string): Program {
  let elapsed = 0;
  const logs: string[] = [];
  let status = 0;
  if (/while\s+true|while\s+:|sleep\s+infinity|tail\s+-f/.test(script)) {
    // Loops that never end (the course's `while true; do echo ...; sleep 1; done` log generators).
    const echoed = /echo\s+("[^"]*"|'[^']*'|[^;&|]+)/.exec(script);
    return { runsForMs: Infinity, exitCode: 0, logs: echoed ? [unquote(echoed[1]!.trim())] : [] };
  }
  const parts = script.split(/(&&|\|\||;|\n)/).map((p) => p.trim()).filter((p) => p !== '');
  let op = ';';
  for (const part of parts) {
    if (part === '&&' || part === '||' || part === ';' || part === '\n') {
      op = part === '\n' ? ';' : part;
      continue;
    }
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    const words = part.split(/\s+/);
    const name = basename(words[0]!);
    switch (name) {
      case 'sleep': {
        const secs = Number.parseFloat(words[1] ?? '');
        if (Number.isNaN(secs)) return { runsForMs: Infinity, exitCode: 0, logs };
        elapsed += secs * 1000;
        status = 0;
        break;
      }
      case 'echo':
        logs.push(unquote(part.slice(part.indexOf('echo') + 4).trim()));
        elapsed += 5;
        status = 0;
        break;
      case 'exit':
        return { runsForMs: elapsed + 5, exitCode: Number.parseInt(words[1] ?? '0', 10) || 0, logs };
      case 'true':
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      case 'date':
        // The CronJob example prints the date; the kubelet substitutes the clock when it writes logs.
        logs.push('$(date)');
        status = 0;
        break;
      case 'perl':
        if (/bpi\((\d+)\)/.test(part)) {
          const digits = Number(/bpi\((\d+)\)/.exec(part)![1]);
          logs.push(piDigits(digits));
          // bignum pi to 2000 digits takes a few seconds on a real node.
          elapsed += 2000 + digits * 2;
          status = 0;
          break;
        }
        elapsed += 100;
        status = 0;
        break;
      default:
        // An unknown long-running program (a server binary, `nginx -g daemon off;`).
        return { runsForMs: Infinity, exitCode: 0, logs };
    }
  }
  return { runsForMs: Math.max(elapsed, 20), exitCode: status, logs };
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function quoteIfNeeded(w: string): string {
  return /\s/.test(w) ? JSON.stringify(w) : w;
}

function unquote(s: string): string {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

/** π to `n` digits after the point (Rabinowitz–Wagon spigot), as `perl -Mbignum=bpi -wle 'print bpi(n)'` prints. */
export function piDigits(n: number): string {
  const total = n + 1; // bpi(n) prints n significant digits: "3." + n-1 decimals
  const len = Math.floor((10 * total) / 3) + 1;
  const a = new Array<number>(len).fill(2);
  let out = '';
  let nines = 0;
  let predigit = 0;
  for (let j = 1; j <= total + 1; j++) {
    let q = 0;
    for (let i = len; i > 0; i--) {
      const x = 10 * a[i - 1]! + q * i;
      a[i - 1] = x % (2 * i - 1);
      q = Math.floor(x / (2 * i - 1));
    }
    a[0] = q % 10;
    q = Math.floor(q / 10);
    if (q === 9) nines++;
    else if (q === 10) {
      out += String(predigit + 1) + '0'.repeat(nines);
      predigit = 0;
      nines = 0;
    } else {
      if (j > 1) out += String(predigit);
      predigit = q;
      if (nines > 0) {
        out += '9'.repeat(nines);
        nines = 0;
      }
    }
  }
  out += String(predigit);
  const digits = out.slice(0, n);
  return `${digits[0]}.${digits.slice(1)}`;
}
