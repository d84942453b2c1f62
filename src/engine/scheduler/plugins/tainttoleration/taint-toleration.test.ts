import { describe, expect, it } from 'vitest';
import { cacheWith, runFilter, runScore } from '../../testing/harness';
import { makeNode, makePod } from '../../testing/fixtures';
import { Code } from '../../framework/status';
import { newTaintToleration } from './taint-toleration';

describe('TaintToleration (golden)', () => {
  it('sched-taint-score-3: 0, 1, 2 intolerable PreferNoSchedule taints -> 100, 50, 0', () => {
    const c = cacheWith([
      makeNode('node1'),
      makeNode('node2', { taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }] }),
      makeNode('node3', { taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }] }),
    ]);
    const pod = makePod('p', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    expect(runScore(newTaintToleration(), pod, c)).toEqual({ node1: 100, node2: 50, node3: 0 });
  });

  it('only PreferNoSchedule (or empty-effect) tolerations count for scoring', () => {
    const c = cacheWith([makeNode('a', { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] }), makeNode('b')]);
    const noSched = makePod('p', { tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }] });
    expect(runScore(newTaintToleration(), noSched, c)).toEqual({ a: 0, b: 100 });
    const anyEffect = makePod('q', { tolerations: [{ key: 'k', operator: 'Exists' }] });
    expect(runScore(newTaintToleration(), anyEffect, c)).toEqual({ a: 100, b: 100 });
  });

  it('sched-taint-filter-5: a PreferNoSchedule toleration does not tolerate a NoSchedule taint', () => {
    const c = cacheWith([makeNode('n', { taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }] })]);
    const pod = makePod('p', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    const s = runFilter(newTaintToleration(), pod, c).n!;
    expect(s.reasons).toEqual(['node(s) had untolerated taint {foo: bar}']);
    expect(s.code).toBe(Code.UnschedulableAndUnresolvable);
  });

  it('prints an empty taint value as in the control-plane message', () => {
    const c = cacheWith([makeNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })]);
    expect(runFilter(newTaintToleration(), makePod('p'), c).cp!.reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
    const tolerating = makePod('t', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(runFilter(newTaintToleration(), tolerating, c).cp).toBeNull();
  });

  it('ignores PreferNoSchedule taints when filtering and checks NoExecute ones', () => {
    const c = cacheWith([makeNode('a', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), makeNode('b', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] })]);
    const r = runFilter(newTaintToleration(), makePod('p'), c);
    expect(r.a).toBeNull();
    expect(r.b!.reasons).toEqual(['node(s) had untolerated taint {node.kubernetes.io/unreachable: }']);
  });
});
