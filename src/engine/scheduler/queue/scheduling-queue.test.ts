import { describe, expect, it } from 'vitest';
import { Clock } from '../../sim/clock';
import { RunLoop } from '../../sim/loop';
import { makeNode, makePod } from '../testing/fixtures';
import { ActionType, EVENT_NODE_ADD } from '../framework/events';
import { PodInfo } from '../framework/pod-info';
import { SchedulingQueue, type RegisteredEvent } from './scheduling-queue';

function setup(registrations: RegisteredEvent[] = []) {
  const clock = new Clock(0);
  const loop = new RunLoop(clock);
  let ready = 0;
  const q = new SchedulingQueue(clock, registrations, () => ready++);
  return { clock, loop, q, ready: () => ready };
}

describe('SchedulingQueue', () => {
  it('pops by priority, then arrival', () => {
    const { q, clock } = setup();
    q.add(makePod('a', { priority: 1 }));
    clock.nowMs = 10;
    q.add(makePod('b', { priority: 5 }));
    q.add(makePod('c', { priority: 1 }));
    expect([q.pop()!.podInfo.name, q.pop()!.podInfo.name, q.pop()!.podInfo.name]).toEqual(['b', 'a', 'c']);
    expect(q.pop()).toBeUndefined();
  });

  it('doubles backoff from 1s up to 10s', () => {
    const { q } = setup();
    q.add(makePod('a'));
    const e = q.pop()!;
    const seen: number[] = [];
    for (let attempts = 1; attempts <= 6; attempts++) {
      e.attempts = attempts;
      seen.push(q.backoffDurationMs(e));
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('parks unschedulable pods until a registered event (with a true hint) moves them; pops from backoff when idle', () => {
    const hintCalls: string[] = [];
    const { q } = setup([
      { plugin: 'NodeResourcesFit', event: { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' }, hint: (_p, _o, n) => (hintCalls.push(n!.metadata.name), n!.metadata.name === 'big') },
      { plugin: 'TaintToleration', event: { resource: 'Node', actionType: ActionType.UpdateNodeTaint, label: 'Node' } },
    ]);
    q.add(makePod('a'));
    const e = q.pop()!;
    e.unschedulablePlugins = new Set(['NodeResourcesFit']);
    q.addUnschedulableIfNotPresent(e);
    expect(q.stats().unschedulable).toBe(1);
    q.moveAllToActiveOrBackoff({ resource: 'Node', actionType: ActionType.UpdateNodeTaint, label: 'NodeUpdate' }, makeNode('x'), makeNode('x'));
    expect(q.stats().unschedulable).toBe(1);
    q.moveAllToActiveOrBackoff(EVENT_NODE_ADD, undefined, makeNode('small'));
    expect(q.stats().unschedulable).toBe(1);
    q.moveAllToActiveOrBackoff(EVENT_NODE_ADD, undefined, makeNode('big'));
    expect(hintCalls).toEqual(['small', 'big']);
    // Still within its 1s backoff: it waits in backoffQ, but an idle scheduler pops it right away.
    expect(q.stats().backoff).toBe(1);
    expect(q.hasReady).toBe(true);
    expect(q.pop()!.podInfo.name).toBe('a');
  });

  it('keeps pods that failed without a rejecting plugin in error backoff until it expires', () => {
    const { q, loop } = setup();
    q.add(makePod('a'));
    q.addUnschedulableIfNotPresent(q.pop()!);
    expect(q.stats().errorBackoff).toBe(1);
    expect(q.hasReady).toBe(false);
    loop.advance(999);
    expect(q.hasReady).toBe(false);
    loop.advance(1);
    expect(q.stats().active).toBe(1);
  });

  it('flushes pods left unschedulable for more than 5 minutes, on the 30s ticks', () => {
    const { q, loop, clock } = setup();
    clock.nowMs = 1000;
    q.add(makePod('a'));
    const e = q.pop()!;
    e.unschedulablePlugins = new Set(['X']);
    q.addUnschedulableIfNotPresent(e);
    loop.advance(300_000);
    expect(q.stats().unschedulable).toBe(1);
    loop.advance(29_000);
    expect(clock.nowMs).toBe(330_000);
    expect(q.stats().active).toBe(1);
  });

  it('holds gated pods until their scheduling gates are removed', () => {
    const { q } = setup();
    const gated = makePod('g');
    gated.spec!.schedulingGates = [{ name: 'example.com/wait' }];
    q.add(gated);
    expect(q.pop()).toBeUndefined();
    const open = makePod('g');
    q.update(gated, open, ActionType.UpdatePodSchedulingGatesEliminated);
    expect(q.pop()!.podInfo.name).toBe('g');
  });

  it('tracks nominated pods by node', () => {
    const { q } = setup();
    const pod = makePod('n');
    q.add(pod);
    q.setNominatedNode(PodInfo.of(pod), 'node-1');
    expect(q.nominatedPodsForNode('node-1').map((p) => p.name)).toEqual(['n']);
    q.delete(pod);
    expect(q.nominatedPodsForNode('node-1')).toEqual([]);
  });
});
