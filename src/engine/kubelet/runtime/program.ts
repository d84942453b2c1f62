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

/**
 * π rounded to `n` significant digits, as `perl -Mbignum=bpi -wle 'print bpi(n)'` prints it (`bpi(5)` is `3.1416`,
 * `bpi(1)` is `3`). Machin's formula in BigInt fixed point, with guard digits so the rounding digit is exact.
 */
export function piDigits(n: number): string {
  const digits = Math.max(1, Math.floor(n));
  const guard = 10;
  const unity = 10n ** BigInt(digits - 1 + guard);
  // π = 16·atan(1/5) − 4·atan(1/239), scaled by `unity`; the result has `digits + guard` digits.
  const scaled = 16n * arctanInverse(5n, unity) - 4n * arctanInverse(239n, unity);
  const rounded = (scaled + 5n * 10n ** BigInt(guard - 1)) / 10n ** BigInt(guard);
  const text = rounded.toString();
  return text.length === 1 ? text : `${text[0]}.${text.slice(1)}`;
}

/** atan(1/x) · unity by its Taylor series, truncated term by term. */
function arctanInverse(x: bigint, unity: bigint): bigint {
  const x2 = x * x;
  let power = unity / x;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= x2;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}
