/**
 * CronJob schedules with the semantics of the parser the controller uses: standard 5-field expressions, the
 * `@yearly`…`@hourly` descriptors, `@every <duration>`, and a `TZ=`/`CRON_TZ=` prefix for the time zone.
 * Next activations come from the `cron-parser` library, always with the virtual clock's time as its current date.
 * Models github.com/robfig/cron/v3 (ParseStandard, SpecSchedule.Next, ConstantDelaySchedule, dayMatches).
 */
import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { cronScheduleError } from '../../apiserver/strategies/common/cron';

/** A parsed schedule. */
export interface CronSchedule {
  /**
   * Models Schedule.Next: the first activation strictly after `ms`, at whole seconds (the parser rounds `ms` up to
   * the next second first). Undefined where the parser returns the zero time: the schedule never fires.
   */
  next(ms: number): number | undefined;
}

/** A schedule, or the parser's error message. */
export type ParsedSchedule = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

/** The predefined descriptors, as their 5-field equivalents. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const GO_DURATION_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Models time.ParseDuration: `1h30m`, `90s`, `1.5h`; undefined when it is not a Go duration. */
export function parseGoDurationMs(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (s.length > 0) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * GO_DURATION_UNITS_MS[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** `ms` truncated to its second: the parser's search for the next activation starts one second later. */
function secondFloor(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The time zone is one the runtime knows (Go's time.LoadLocation; "" and "UTC" are UTC). */
export function isKnownTimeZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC') return true;
  if (tz.toLowerCase() === 'local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The parser treats a day-of-month or day-of-week field that starts with `*` or `?` (without a step above 1) as
 * "any", and then both day fields must match; otherwise either may. cron-parser only recognises a bare `*`, so such
 * fields are rewritten to `*` (they cover the whole range anyway); `?` becomes `*` everywhere.
 */
function normalizeFields(fields: readonly string[]): string[] {
  return fields.map((f, i) => {
    const parts = f.split(',').map((p) => (p.startsWith('?') ? `*${p.slice(1)}` : p));
    const isDayField = i === 2 || i === 4;
    if (isDayField && parts.some((p) => p === '*' || /^\*\/0*1$/.test(p))) return '*';
    return parts.join(',');
  });
}

/** A 5-field expression evaluated by cron-parser in `tz`. */
function specSchedule(fields: readonly string[], tz: string | undefined): ParsedSchedule {
  let expr: CronExpression;
  try {
    expr = CronExpressionParser.parse(normalizeFields(fields).join(' '), { currentDate: new Date(0), ...(tz ? { tz } : {}) });
  } catch {
    // cron-parser rejects expressions that can never fire (`59 23 31 2 *`); the Go parser accepts them and its
    // Next returns the zero time.
    return { ok: true, schedule: { next: () => undefined } };
  }
  return {
    ok: true,
    schedule: {
      next(ms) {
        try {
          expr.reset(new Date(secondFloor(ms)));
          return expr.next().getTime();
        } catch {
          return undefined;
        }
      },
    },
  };
}

/** Models ConstantDelaySchedule: `@every d` fires every d (at least 1s, whole seconds) after the previous time. */
function everySchedule(durationMs: number): CronSchedule {
  const delay = durationMs < 1000 ? 1000 : durationMs - (durationMs % 1000);
  return { next: (ms) => secondFloor(ms) + delay };
}

/**
 * Models cron.ParseStandard: parses a schedule (optionally prefixed `TZ=<zone> ` or `CRON_TZ=<zone> `). Errors carry
 * the parser's wording.
 */
export function parseStandardSchedule(spec: string): ParsedSchedule {
  let rest = spec;
  let tz: string | undefined;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const i = rest.indexOf(' ');
    tz = rest.slice(rest.indexOf('=') + 1, i < 0 ? undefined : i);
    if (!isKnownTimeZone(tz)) return { ok: false, error: `provided bad location ${tz}: unknown time zone ${tz}` };
    rest = i < 0 ? '' : rest.slice(i).trim();
  }
  const syntaxError = cronScheduleError(rest);
  if (syntaxError) return { ok: false, error: syntaxError };
  if (rest.startsWith('@every ')) {
    const d = parseGoDurationMs(rest.slice('@every '.length));
    return d === undefined ? { ok: false, error: `failed to parse duration ${rest}` } : { ok: true, schedule: everySchedule(d) };
  }
  const fields = (DESCRIPTORS[rest] ?? rest).trim().split(/\s+/);
  return specSchedule(fields, tz === 'UTC' || tz === '' ? undefined : tz);
}
