import { describe, expect, it } from 'vitest';
import { Clock } from './clock';
import { RunLoop, RunawayError, TaskFailedError } from './loop';

function setup(startMs = 0): { clock: Clock; loop: RunLoop; log: string[] } {
  const clock = new Clock(startMs);
  return { clock, loop: new RunLoop(clock), log: [] };
}

describe('RunLoop', () => {
  it('advance runs every task due in the window at its own time, then leaves the clock at the target', () => {
    const { clock, loop, log } = setup(1_000);
    clock.schedule(10, 'a', () => log.push(`a@${clock.nowMs}`));
    clock.schedule(30, 'b', () => log.push(`b@${clock.nowMs}`));
    clock.schedule(31, 'c', () => log.push(`c@${clock.nowMs}`));
    expect(loop.advance(30)).toBe(2);
    expect(log).toEqual(['a@1010', 'b@1030']);
    expect(clock.nowMs).toBe(1_030);
    loop.advance(100);
    expect(log).toEqual(['a@1010', 'b@1030', 'c@1031']);
    expect(clock.nowMs).toBe(1_130);
  });

  it('runs tasks scheduled by tasks within the same advance, same-instant ones included', () => {
    const { clock, loop, log } = setup();
    clock.schedule(5, 'outer', () => {
      log.push(`outer@${clock.nowMs}`);
      clock.schedule(0, 'same-instant', () => log.push(`same@${clock.nowMs}`));
      clock.schedule(10, 'later', () => log.push(`later@${clock.nowMs}`));
      clock.schedule(100, 'beyond', () => log.push(`beyond@${clock.nowMs}`));
    });
    loop.advance(20);
    expect(log).toEqual(['outer@5', 'same@5', 'later@15']);
    expect(clock.peekTime()).toBe(105);
  });

  it('step runs exactly the next task and jumps the clock to it', () => {
    const { clock, loop, log } = setup();
    clock.schedule(50, 'x', () => log.push('x'));
    clock.schedule(70, 'y', () => log.push('y'));
    expect(loop.step()).toBe(true);
    expect(log).toEqual(['x']);
    expect(clock.nowMs).toBe(50);
    expect(loop.step()).toBe(true);
    expect(loop.step()).toBe(false);
    expect(clock.nowMs).toBe(70);
  });

  it('runUntilIdle stops when nothing is due within the horizon and keeps the clock at the last task', () => {
    const { clock, loop, log } = setup();
    clock.schedule(1_000, 'soon', () => log.push('soon'));
    clock.schedule(60_000, 'far', () => log.push('far'));
    expect(loop.runUntilIdle(10_000)).toBe(1);
    expect(log).toEqual(['soon']);
    expect(clock.nowMs).toBe(1_000);
  });

  it('runUntilIdle terminates with periodic work, bounded by the horizon from the call', () => {
    const { clock, loop } = setup();
    let beats = 0;
    const beat = (): void => {
      beats++;
      clock.schedule(10_000, 'heartbeat', beat);
    };
    clock.schedule(10_000, 'heartbeat', beat);
    loop.runUntilIdle(60_000);
    expect(beats).toBe(6);
    expect(clock.nowMs).toBe(60_000);
  });

  it('throws RunawayError at the task cap, naming the busiest labels, and loses no queued task', () => {
    const { clock, loop } = setup();
    const spin = (): void => {
      clock.schedule(0, 'spinner', spin);
    };
    clock.schedule(0, 'spinner', spin);
    let err: unknown;
    try {
      loop.advance(1_000, 100);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RunawayError);
    expect((err as RunawayError).tasksRun).toBe(100);
    expect((err as RunawayError).message).toBe('simulation stopped after 100 tasks without settling; most recent: spinner ×64');
    expect(clock.peekTime()).toBe(0);
  });

  it('wraps a throwing task in TaskFailedError with its label', () => {
    const { clock, loop } = setup();
    clock.schedule(1, 'kubelet:node-1 sync', () => {
      throw new Error('boom');
    });
    expect(() => loop.advance(10)).toThrow(TaskFailedError);
    clock.schedule(1, 'again', () => {
      throw new Error('boom');
    });
    expect(() => loop.advance(10)).toThrow('task "again" failed: boom');
  });

  it('counts every task it runs', () => {
    const { clock, loop } = setup();
    for (let i = 0; i < 5; i++) clock.schedule(i, `t${i}`, () => {});
    loop.advance(100);
    expect(loop.tasksRun).toBe(5);
  });
});
