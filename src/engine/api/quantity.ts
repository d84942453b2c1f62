/**
 * Resource quantities (`100m`, `128Mi`, `1.5`, `2e3`).
 * Models staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (parsing and suffixes).
 * Divergence: values are held as JS numbers, not arbitrary-precision decimals; exact for every value a cluster
 * of our size can express (integers up to 2^53 bytes, milli-units up to 2^53 milli).
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** True when `text` is a quantity the apiserver accepts. */
export function isValidQuantity(text: unknown): boolean {
  if (typeof text === 'number') return Number.isFinite(text);
  return typeof text === 'string' && QUANTITY_RE.test(text.trim());
}

/** The quantity's value in base units (cores, bytes, count). Throws on malformed input: validate first. */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') return q;
  const m = QUANTITY_RE.exec(q.trim());
  if (!m) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const num = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return num * BINARY[suffix]!;
  if (suffix in DECIMAL) return roundTiny(num * DECIMAL[suffix]!);
  return num * 10 ** Number(suffix.slice(1));
}

/** The value in thousandths, rounded up as Quantity.MilliValue does. */
export function milliValue(q: string | number): number {
  return Math.ceil(roundTiny(parseQuantity(q) * 1000));
}

/** Formats milli-CPU the way kubectl shows requests (`100m`, `1`, `1500m`). */
export function formatMilli(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes with the largest binary suffix that keeps an integer (`128Mi`, `1Gi`, `1000`). */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const f = BINARY[s]!;
    if (bytes % f === 0) return `${bytes / f}${s}`;
  }
  return String(bytes);
}

function roundTiny(n: number): number {
  // Decimal suffixes multiply by inexact floats (0.1 * 1e3); snap to 9 decimals as the apiserver's scale does.
  return Math.round(n * 1e9) / 1e9;
}
