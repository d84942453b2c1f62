import { describe, expect, it } from 'vitest';
import { Clock } from './clock';

/** Drains every task due up to `limitMs`, running each, and returns their labels in run order. */
function drain(clock: Clock, limitMs = Infinity): string[] {
  const ran: string[] = [];
  for (let t = clock.popDue(limitMs); t; t = clock.popDue(limitMs)) {
    ran.push(t.label);
    t.run();
  }
  return ran;
}

describe('Clock', () => {
  it('starts at the given virtual time', () => {
    expect(new Clock(1_000).nowMs).toBe(1_000);
  });

  it('pops tasks by due time, and tasks due at the same instant in scheduling order', () => {
    const clock = new Clock(0);
    clock.schedule(30, 'c', () => {});
    clock.schedule(10, 'a1', () => {});
    clock.schedule(20, 'b', () => {});
    clock.schedule(10, 'a2', () => {});
    clock.schedule(0, 'now', () => {});
    clock.schedule(10, 'a3', () => {});
    expect(drain(clock)).toEqual(['now', 'a1', 'a2', 'a3', 'b', 'c']);
  });

  it('keeps insertion order among many same-instant tasks (heap stability)', () => {
    const clock = new Clock(0);
    const labels = Array.from({ length: 100 }, (_, i) => `t${i}`);
    for (const l of labels) clock.schedule(5, l, () => {});
    expect(drain(clock)).toEqual(labels);
  });

  it('treats negative delays as 0 and reports the due time on the handle', () => {
    const clock = new Clock(500);
    expect(clock.schedule(-100, 'x', () => {}).atMs).toBe(500);
    expect(clock.schedule(250, 'y', () => {}).atMs).toBe(750);
  });

  it('skips cancelled tasks in peekTime and popDue', () => {
    const clock = new Clock(0);
    const first = clock.schedule(1, 'first', () => {});
    clock.schedule(2, 'second', () => {});
    first.cancel();
    expect(clock.peekTime()).toBe(2);
    expect(drain(clock)).toEqual(['second']);
    expect(clock.peekTime()).toBeUndefined();
  });

  it('popDue returns nothing before the limit and does not move the clock', () => {
    const clock = new Clock(100);
    clock.schedule(50, 'later', () => {});
    expect(clock.popDue(149)).toBeUndefined();
    expect(clock.nowMs).toBe(100);
    expect(clock.popDue(150)?.label).toBe('later');
  });

  it('counts queued tasks, cancelled ones included until they surface', () => {
    const clock = new Clock(0);
    const h = clock.schedule(1, 'a', () => {});
    clock.schedule(2, 'b', () => {});
    h.cancel();
    expect(clock.pending).toBe(2);
    clock.peekTime();
    expect(clock.pending).toBe(1);
  });

  it('schedules relative to the current time after the clock moves', () => {
    const clock = new Clock(0);
    clock.nowMs = 1_000;
    expect(clock.schedule(5, 'x', () => {}).atMs).toBe(1_005);
  });
});
