/** The charts' time axis: cluster time of day as tick labels, and round-numbered tick positions. */

const pad = (n: number) => String(n).padStart(2, '0');

/** Cluster time of day in UTC, as the top bar shows it. */
export function clockTick(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Tick steps for the time axis, from 5 seconds to an hour. */
const TICK_STEPS_MS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** Round-numbered ticks (every 10 s, 1 min, ...) giving about four labels over `domain`. */
export function timeTicks([start, end]: [number, number]): number[] {
  const span = Math.max(1, end - start);
  const step = TICK_STEPS_MS.find((s) => span / s <= 4) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1]!;
  const ticks: number[] = [];
  for (let v = Math.ceil(start / step) * step; v <= end; v += step) ticks.push(v);
  return ticks;
}
