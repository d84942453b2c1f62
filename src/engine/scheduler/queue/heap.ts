/**
 * A binary heap whose items remember their position, so any item can be removed or re-prioritized in O(log n).
 * Models pkg/scheduler/backend/heap/heap.go.
 */

/** Items carry their own slot index (-1 when not in a heap). */
export interface HeapItem {
  heapIndex: number;
}

/** A min-heap under `less`. */
export class Heap<T extends HeapItem> {
  private readonly items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get length(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top) this.removeAt(0);
    return top;
  }

  /** Removes `item` if it is in this heap. */
  remove(item: T): boolean {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return false;
    this.removeAt(i);
    return true;
  }

  /** Restores order after `item`'s key changed. */
  fix(item: T): void {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return;
    if (!this.down(i)) this.up(i);
  }

  has(item: T): boolean {
    return item.heapIndex >= 0 && this.items[item.heapIndex] === item;
  }

  /** The items in heap order (not sorted). */
  list(): readonly T[] {
    return this.items;
  }

  private removeAt(i: number): void {
    const items = this.items;
    const item = items[i]!;
    const last = items.pop()!;
    item.heapIndex = -1;
    if (last === item) return;
    items[i] = last;
    last.heapIndex = i;
    if (!this.down(i)) this.up(i);
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(items[i]!, items[p]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i0: number): boolean {
    const items = this.items;
    let i = i0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      let m = l;
      const r = l + 1;
      if (r < items.length && this.less(items[r]!, items[l]!)) m = r;
      if (!this.less(items[m]!, items[i]!)) break;
      this.swap(i, m);
      i = m;
    }
    return i > i0;
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const x = items[a]!;
    const y = items[b]!;
    items[a] = y;
    items[b] = x;
    y.heapIndex = a;
    x.heapIndex = b;
  }
}
