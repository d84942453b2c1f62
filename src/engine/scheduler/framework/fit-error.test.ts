import { describe, expect, it } from 'vitest';
import { fitErrorMessage, newDiagnosis } from './fit-error';
import { Code, Status } from './status';

describe('FitError message (golden)', () => {
  it('sched-fiterror-1: sorted histogram plus the preemption message', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('w1', new Status(Code.Unschedulable, ['Insufficient cpu'], 'NodeResourcesFit'));
    const taint = new Status(Code.UnschedulableAndUnresolvable, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], 'TaintToleration');
    d.nodeToStatus.set('cp1', taint);
    d.nodeToStatus.set('cp2', taint);
    d.postFilterMsg = 'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
    expect(fitErrorMessage(3, d)).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });

  it('sched-fiterror-2-string-sort: "10 ..." sorts before "2 ..."', () => {
    const d = newDiagnosis();
    for (let i = 0; i < 10; i++) d.nodeToStatus.set(`m${i}`, new Status(Code.Unschedulable, ['Insufficient memory']));
    for (let i = 0; i < 2; i++) d.nodeToStatus.set(`c${i}`, new Status(Code.Unschedulable, ['Insufficient cpu']));
    expect(fitErrorMessage(12, d)).toBe('0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.');
  });

  it('counts every reason of a node, and absent nodes with the absent status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('a', new Status(Code.Unschedulable, ['Insufficient cpu', 'Insufficient memory']));
    d.nodeToStatus.absentStatus = new Status(Code.UnschedulableAndUnresolvable, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]);
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });

  it('uses the PreFilter message instead of the histogram', () => {
    const d = newDiagnosis();
    d.preFilterMsg = 'pod affinity terms conflict';
    expect(fitErrorMessage(2, d)).toBe('0/2 nodes are available: pod affinity terms conflict.');
  });
});
