/**
 * Small value formatters describers share: times as kubectl prints them, Go's `%v` of booleans and slices,
 * and IntOrString values.
 */
import { fromTimestamp, humanDuration } from '../../engine';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's zero time.Time in RFC1123Z, printed for timestamps that are unset. */
const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * A stored timestamp in Go's RFC1123Z layout (`Sun, 22 Nov 2026 01:50:24 +0000`).
 * Divergence: kubectl prints in the machine's local zone; the simulator always prints UTC.
 */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = fromTimestamp(ts ?? undefined);
  if (ms === undefined) return ZERO_TIME_RFC1123Z;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * Time elapsed since a stored timestamp, as an AGE (`5m10s`), or `<unknown>` when unset.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go translateTimestampSince.
 */
export function since(ts: string | undefined | null, nowMs: number): string {
  const ms = fromTimestamp(ts ?? undefined);
  if (ms === undefined) return '<unknown>';
  return humanDuration(nowMs - ms);
}

/** Go's `%v` of a bool. */
export function goBool(v: boolean | undefined): string {
  return v ? 'true' : 'false';
}

/** kubectl's printBool: `True` / `False`. */
export function titleBool(v: boolean | undefined): string {
  return v ? 'True' : 'False';
}

/** kubectl's printBoolPtr: `True` / `False`, or `<unset>` when absent. */
export function titleBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : titleBool(v);
}

/** Go's `%v` of a string slice: `[a b c]`, `[]` when empty. */
export function goSlice(values: readonly (string | number)[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** IntOrString.String(): the number or the string as written. */
export function intOrString(v: number | string | undefined): string {
  return v === undefined ? '0' : String(v);
}

/** The value, or `<none>` when empty. Models describe.go stringOrNone. */
export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** Length in bytes of `s` encoded as UTF-8 (Go's len of a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The longest prefix of `s` whose UTF-8 encoding fits in `maxBytes`.
 * Divergence: Go slices bytes and may cut a character in half; this stops at the last whole character.
 */
export function utf8Prefix(s: string, maxBytes: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    const size = utf8Length(ch);
    if (n + size > maxBytes) break;
    n += size;
    out += ch;
  }
  return out;
}
