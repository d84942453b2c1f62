/**
 * Exact resource quantities for validation and admission messages: parse without floating-point error, compare,
 * add, and print the canonical form Quantity.String() prints (`0.5` -> `500m`, `1024Mi` -> `1Gi`, `2000` -> `2k`).
 * Models staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes).
 */

/** How a quantity prints: binary suffixes, decimal suffixes, or a decimal exponent. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** A parsed quantity: its value in billionths of the base unit, and the format it was written in. */
export interface Qty {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

const QTY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const BINARY_POWER: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 1_000_000_000n;

const pow = (base: bigint, e: number): bigint => base ** BigInt(e);

/** Division rounding away from zero, as Quantity rounds up when it has to drop precision. */
function divCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b === a ? q : a < 0n ? q - 1n : q + 1n;
}

/** Parses a quantity (`100m`, `1.5Gi`, `2e3`, or a YAML number); undefined when malformed. */
export function parseQty(v: unknown): Qty | undefined {
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v.trim() : '';
  const m = QTY_RE.exec(text);
  if (!m) return undefined;
  const [, sign, intPart = '', fracPart = '', suffix = ''] = m;
  if (intPart === '' && fracPart === '') return undefined;
  const neg = sign === '-';
  const digits = BigInt((intPart || '0') + fracPart) * (neg ? -1n : 1n);
  const scale = fracPart.length;
  if (suffix in BINARY_POWER) {
    const num = digits * pow(1024n, BINARY_POWER[suffix]!) * NANO;
    return { nanos: divCeil(num, pow(10n, scale)), format: 'BinarySI' };
  }
  let exp: number;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    exp = Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    exp = DECIMAL_EXP[suffix]!;
  }
  const shift = exp + 9 - scale;
  const nanos = shift >= 0 ? digits * pow(10n, shift) : divCeil(digits, pow(10n, -shift));
  return { nanos, format };
}

/** True when `v` parses as a quantity. */
export function isQty(v: unknown): boolean {
  return parseQty(v) !== undefined;
}

function decimalString(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  for (let e = 18; e >= -9; e -= 3) {
    const unit = pow(10n, e + 9);
    if (nanos % unit === 0n) {
      const mantissa = nanos / unit;
      if (format === 'DecimalExponent') return e === 0 ? String(mantissa) : `${mantissa}e${e}`;
      return `${mantissa}${DECIMAL_SUFFIX[e]}`;
    }
  }
  // Below a nano-unit the value was already rounded up at parse time.
  return `${nanos}n`;
}

/** The canonical text of a quantity, as Quantity.String() prints it. */
export function qtyString(qty: Qty): string {
  if (qty.format === 'BinarySI') {
    const abs = qty.nanos < 0n ? -qty.nanos : qty.nanos;
    // Small or fractional byte counts print in decimal form, as CanonicalizeBytes does.
    if (abs < 1024n * NANO || qty.nanos % NANO !== 0n) return decimalString(qty.nanos, 'DecimalSI');
    const bytes = qty.nanos / NANO;
    for (let k = 6; k >= 1; k--) {
      const unit = pow(1024n, k);
      if (bytes % unit === 0n) return `${bytes / unit}${BINARY_SUFFIX[k]}`;
    }
    return String(bytes);
  }
  return decimalString(qty.nanos, qty.format);
}

/** The canonical text of a raw quantity value; malformed input is returned as written. */
export function canonicalQuantity(v: unknown): string {
  const p = parseQty(v);
  return p ? qtyString(p) : String(v);
}

/** -1, 0 or 1 as a compares to b. */
export function qtyCmp(a: Qty, b: Qty): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** The sum, printed in the first operand's format (Quantity.Add keeps the receiver's format). */
export function qtyAdd(a: Qty, b: Qty): Qty {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

/** A zero quantity in the given format. */
export function qtyZero(format: QuantityFormat = 'DecimalSI'): Qty {
  return { nanos: 0n, format };
}

/** The value in whole thousandths (MilliValue, rounded up). */
export function qtyMilli(qty: Qty): bigint {
  return divCeil(qty.nanos, 1_000_000n);
}
