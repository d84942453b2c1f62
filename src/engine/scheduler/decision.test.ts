import { describe, expect, it } from 'vitest';
import { DecisionLog, type DecisionRecord } from './decision';
import { NodeToStatus } from './framework/fit-error';
import { Code, Status } from './framework/status';

const rec = (podKey: string, extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  podKey,
  podUid: `uid-${podKey}`,
  attempt: 1,
  atMs: 0,
  result: 'Scheduled',
  numAllNodes: 2,
  feasibleNodes: [],
  scorePlugins: [],
  pluginScores: [],
  ...extra,
});

describe('DecisionLog', () => {
  it('keeps only the most recent pods', () => {
    const log = new DecisionLog(3);
    for (const k of ['a', 'b', 'c', 'd']) log.put(rec(k));
    expect(log.get('a')).toBeUndefined();
    expect(log.size).toBe(3);
    // Re-recording a pod makes it recent again.
    log.put(rec('b'));
    log.put(rec('e'));
    expect(log.get('c')).toBeUndefined();
    expect(log.get('b')).toBeDefined();
  });

  it('expands filter statuses and per-plugin scores', () => {
    const st = new NodeToStatus();
    st.set('n2', new Status(Code.Unschedulable, ['Insufficient cpu'], 'NodeResourcesFit'));
    const log = new DecisionLog();
    log.put(rec('ns/p', { feasibleNodes: ['n1'], nodeToStatus: st, selectedNode: 'n1', scorePlugins: [{ name: 'TaintToleration', weight: 3 }], pluginScores: [Int16Array.of(100)], totals: Int32Array.of(300) }));
    const d = log.get('ns/p')!;
    expect(d.filtered).toEqual([{ node: 'n2', code: 'Unschedulable', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] }]);
    expect(d.scores).toEqual([{ node: 'n1', scores: { TaintToleration: 100 }, total: 300 }]);
    expect(d.evaluatedNodes).toBe(2);
  });
});
