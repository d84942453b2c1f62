/**
 * Exact resource quantities for describe output: parsing with the suffix's format remembered, sums, comparisons
 * and the canonical string (`Quantity.String()`), e.g. `0.5` -> `500m`, `1024Mi` -> `1Gi`, `1500m` -> `1500m`.
 * Values are held as BigInt nano-units so sums of many quantities stay exact.
 */

// Models staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes, Add,
// Cmp, ScaledValue) and amount.go (AsCanonicalBytes, AsCanonicalBase1024Bytes).

/** How a quantity is written back: the format of the suffix it was parsed with. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent' | '';

/** An exact quantity: the value in nano-units and the format it prints in. */
export interface Qty {
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The zero quantity of an absent resource (prints `0`). */
export const ZERO: Qty = { nano: 0n, format: '' };

/** Parses a stored quantity; malformed text reads as zero (the apiserver never stores such values). */
export function parseQty(input: string | number | undefined | null): Qty {
  if (input === undefined || input === null) return ZERO;
  const text = String(input).trim();
  if (text === '0') return { nano: 0n, format: 'DecimalSI' };
  const m = QUANTITY_RE.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return ZERO;
  const negative = m[1] === '-';
  const whole = m[2] || '0';
  const frac = m[3] ?? '';
  const suffix = m[4] ?? '';
  let format: QuantityFormat;
  let digits = BigInt(whole + frac);
  let scale = -frac.length; // value = digits * 10^scale (before the suffix)
  let binaryShift = 0;
  if (suffix in BINARY_EXP) {
    format = 'BinarySI';
    binaryShift = BINARY_EXP[suffix]!;
  } else if (suffix in DECIMAL_EXP) {
    format = 'DecimalSI';
    scale += DECIMAL_EXP[suffix]!;
  } else {
    format = 'DecimalExponent';
    scale += Number(suffix.slice(1));
  }
  digits *= 1n << BigInt(binaryShift);
  // Non-zero values round up to the nearest nano-unit, as ParseQuantity does.
  let nano: bigint;
  const toNano = scale + 9;
  if (toNano >= 0) nano = digits * 10n ** BigInt(toNano);
  else {
    const div = 10n ** BigInt(-toNano);
    nano = digits / div + (digits % div === 0n ? 0n : 1n);
  }
  // A fractional binary quantity below one unit prints as decimal.
  if (format === 'BinarySI' && nano > 0n && nano < NANO) format = 'DecimalSI';
  return { nano: negative ? -nano : nano, format };
}

/** `a + b`, keeping a's format unless a is zero (Quantity.Add). */
export function addQty(a: Qty, b: Qty): Qty {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function cmpQty(a: Qty, b: Qty): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** ceil(q * 1000), as Quantity.MilliValue. */
export function milliValueOf(q: Qty): number {
  return Number(ceilDiv(q.nano, 1_000_000n));
}

/** ceil(q), as Quantity.Value. */
export function valueOf(q: Qty): number {
  return Number(ceilDiv(q.nano, NANO));
}

/** The canonical text of a quantity, as Quantity.String(). */
export function qtyString(q: Qty): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    // Small or fractional binary values print as decimal rather than lose precision.
    if (abs < 1024n * NANO || q.nano % NANO !== 0n) format = 'DecimalSI';
  } else if (format === '') {
    format = 'DecimalExponent';
  }
  if (format === 'BinarySI') {
    let amount = q.nano / NANO;
    let exp = 0;
    while (amount % 1024n === 0n && exp < BINARY_SUFFIX.length - 1) {
      amount /= 1024n;
      exp++;
    }
    return `${amount}${BINARY_SUFFIX[exp]}`;
  }
  // Strip trailing zeros, then bring the exponent to a multiple of three.
  let mantissa = q.nano;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const rem = ((exponent % 3) + 3) % 3;
  if (rem === 1) {
    mantissa *= 10n;
    exponent -= 1;
  } else if (rem === 2) {
    mantissa *= 100n;
    exponent -= 2;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  const suffix = DECIMAL_SUFFIX[exponent];
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

/** Canonical text of a stored quantity (`0.5` -> `500m`). */
export function canonicalQuantity(input: string | number | undefined | null): string {
  return qtyString(parseQty(input));
}

function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}
