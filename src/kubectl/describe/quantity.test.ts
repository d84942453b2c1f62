import { describe, expect, it } from 'vitest';
import { addQty, canonicalQuantity, milliValueOf, parseQty, qtyString, valueOf } from './quantity';

describe('canonical quantity strings (Quantity.String)', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2', '2'],
    ['2000', '2k'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['512', '512'],
    ['16318460Ki', '16318460Ki'],
    ['0', '0'],
    ['1e3', '1e3'],
    ['100M', '100M'],
    ['0.1Ki', '102400m'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('keeps the first operand format in sums, unless it is zero', () => {
    expect(qtyString(addQty(parseQty('128Mi'), parseQty('64Mi')))).toBe('192Mi');
    expect(qtyString(addQty(parseQty('100M'), parseQty('64Mi')))).toBe('167108864');
    expect(qtyString(addQty(parseQty('0'), parseQty('64Mi')))).toBe('64Mi');
  });

  it('rounds milli-values and values up', () => {
    expect(milliValueOf(parseQty('1.0001m'))).toBe(2);
    expect(valueOf(parseQty('1500m'))).toBe(2);
  });
});
