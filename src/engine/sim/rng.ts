/**
 * Seeded randomness. Every component forks its own stream by label, so adding a draw in one component never
 * shifts another's sequence: `(seed, config, commands)` fully determines a run.
 */

/** A deterministic random source. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  /** An independent stream derived from this one's seed and `label`. */
  fork(label: string): Rng;
}

function hashString(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
}

/** sfc32, seeded through a splitmix-style mixer: small, fast and well distributed. */
export function createRng(seed: number): Rng {
  let a = hashString(seed, 'a');
  let b = hashString(seed, 'b');
  let c = hashString(seed, 'c');
  let d = 1;
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (min, max) => min + next() * (max - min),
    fork: (label) => createRng(hashString(seed, label)),
  };
}
