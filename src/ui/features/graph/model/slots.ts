/**
 * Sticky slots: each item in a grid keeps the cell it got when it appeared, so chips never shift when others come
 * or go. New items take the lowest free cells in key order, which keeps the result independent of the order in
 * which objects arrived within one update.
 */

/** Item key → cell index. */
export type SlotMap = ReadonlyMap<string, number>;

/**
 * The cells of `keys` given the previous assignment: kept keys stay, removed keys free their cell, and new keys
 * (taken in sorted order) fill the lowest free cells.
 */
export function assignSlots(prev: SlotMap | undefined, keys: readonly string[]): SlotMap {
  // Same items as before (the usual case for most grids in a frame): keep the map itself.
  if (prev && prev.size === keys.length && keys.every((k) => prev.has(k))) return prev;
  const next = new Map<string, number>();
  const taken = new Set<number>();
  const fresh: string[] = [];
  for (const k of keys) {
    const s = prev?.get(k);
    if (s !== undefined && !taken.has(s)) {
      next.set(k, s);
      taken.add(s);
    } else {
      fresh.push(k);
    }
  }
  fresh.sort();
  let cell = 0;
  for (const k of fresh) {
    while (taken.has(cell)) cell++;
    next.set(k, cell);
    taken.add(cell);
  }
  return tooSparse(next) ? compact(next) : next;
}

/** More empty cells than items (and more than a few): the grid would look broken, so it closes the gaps once. */
function tooSparse(slots: SlotMap): boolean {
  const holes = slotExtent(slots) - slots.size;
  return holes > Math.max(MAX_TOLERATED_HOLES, slots.size);
}

const MAX_TOLERATED_HOLES = 4;

/** Renumbers cells 0..n-1 keeping the items' order. */
function compact(slots: SlotMap): SlotMap {
  const ordered = [...slots.entries()].sort((a, b) => a[1] - b[1]);
  return new Map(ordered.map(([k], i) => [k, i]));
}

/** One more than the highest cell in use (0 when empty): the number of cells the grid must show. */
export function slotExtent(slots: SlotMap): number {
  let max = -1;
  for (const s of slots.values()) if (s > max) max = s;
  return max + 1;
}

/** Slot maps of every grid of a view, keyed by grid; carried from one layout to the next. */
export type SlotState = ReadonlyMap<string, SlotMap>;
