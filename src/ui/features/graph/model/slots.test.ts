import { describe, expect, it } from 'vitest';
import { assignSlots, slotExtent, type SlotMap } from './slots';

const entries = (m: SlotMap) => [...m.entries()].sort((a, b) => a[1] - b[1]);

describe('assignSlots', () => {
  it('gives new keys cells in key order, whatever order they arrive in', () => {
    expect(entries(assignSlots(undefined, ['c', 'a', 'b']))).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  });

  it('keeps the cells of keys that stay when others leave', () => {
    const first = assignSlots(undefined, ['a', 'b', 'c', 'd']);
    const second = assignSlots(first, ['a', 'c', 'd']);
    expect(entries(second)).toEqual([['a', 0], ['c', 2], ['d', 3]]);
  });

  it('fills the lowest free cells with newcomers', () => {
    const first = assignSlots(undefined, ['a', 'b', 'c', 'd']);
    const second = assignSlots(first, ['a', 'd', 'x', 'y', 'z']);
    expect(entries(second)).toEqual([['a', 0], ['x', 1], ['y', 2], ['d', 3], ['z', 4]]);
  });

  it('closes the gaps once holes outnumber the items, keeping their order', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const first = assignSlots(undefined, keys);
    const second = assignSlots(first, ['p03', 'p11']);
    expect(entries(second)).toEqual([['p03', 0], ['p11', 1]]);
    // A few holes are tolerated so a rolling replacement does not reshuffle.
    const third = assignSlots(first, keys.filter((k) => k !== 'p00' && k !== 'p05'));
    expect(third.get('p11')).toBe(11);
    expect(slotExtent(third)).toBe(12);
  });

  it('returns the previous map itself when the items did not change', () => {
    const first = assignSlots(undefined, ['a', 'b']);
    expect(assignSlots(first, ['b', 'a'])).toBe(first);
  });

  it('reports the extent as highest cell + 1', () => {
    expect(slotExtent(new Map())).toBe(0);
    expect(slotExtent(new Map([['a', 0], ['b', 4]]))).toBe(5);
  });
});
