/**
 * DefaultPreemption: when no node fits, find a node where evicting lower-priority pods makes room, evict them
 * and nominate that node for the pod.
 * Models pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
 * pkg/scheduler/framework/preemption/preemption.go (Evaluator.Preempt, findCandidates, DryRunPreemption,
 * SelectCandidate, pickOneNodeForPreemption, prepareCandidate).
 * Divergence: PodDisruptionBudgets are not consulted (every victim counts as non-violating), and victims are
 * evicted synchronously inside the scheduling cycle rather than by the async preemption goroutine.
 */
import type { KubeObject } from '../../../api/types';
import type { ConditionLike } from '../../../api/meta';
import { podStatus, updatePodCondition } from '../../pod-condition';
import type { CycleState } from '../../framework/cycle-state';
import { fitErrorMessage, newDiagnosis, NodeToStatus } from '../../framework/fit-error';
import type { Handle, PostFilterResult, SchedulerPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/node-info';
import type { PodInfo, PodObject } from '../../framework/pod-info';
import { Code, Status } from '../../framework/status';
import { DefaultPreemption as NAME } from '../names';

/** Status reasons DryRunPreemption gives. */
export const NO_VICTIMS_REASON = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL_REASON = 'Preemption is not helpful for scheduling';

/** Arguments (DefaultPreemptionArgs). */
export interface DefaultPreemptionArgs {
  minCandidateNodesPercentage?: number;
  minCandidateNodesAbsolute?: number;
}

interface Candidate {
  node: string;
  /** Victims in decreasing importance. */
  victims: PodInfo[];
}

/** Models util.MoreImportantPod: higher priority, then earlier start. */
export function moreImportantPod(a: PodInfo, b: PodInfo, nowMs: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return (a.startTimeMs ?? nowMs) < (b.startTimeMs ?? nowMs);
}

function isPreemptedTerminating(pi: PodInfo): boolean {
  if (!pi.isTerminating) return false;
  const conds = (pi.pod.status?.conditions ?? []) as ConditionLike[];
  const c = conds.find((x) => x.type === 'DisruptionTarget');
  return !!c && c.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** Builds the plugin. */
export function newDefaultPreemption(handle: Handle, args: DefaultPreemptionArgs = {}): SchedulerPlugin {
  const minPct = args.minCandidateNodesPercentage ?? 10;
  const minAbs = args.minCandidateNodesAbsolute ?? 100;
  const rng = handle.rng.fork(NAME);

  // Models calculateNumCandidates.
  const numCandidates = (numNodes: number): number => Math.min(numNodes, Math.max(Math.floor((numNodes * minPct) / 100), minAbs));

  // Models PodEligibleToPreemptOthers.
  const eligible = (pod: PodInfo, m: NodeToStatus): string | null => {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
    const nominated = (pod.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '';
    if (nominated) {
      if (m.get(nominated).code === Code.UnschedulableAndUnresolvable) return null;
      const ni = handle.snapshot.get(nominated);
      if (ni) for (const p of ni.pods) if (p.priority < pod.priority && isPreemptedTerminating(p)) return 'not eligible due to a terminating pod on the nominated node.';
    }
    return null;
  };

  // Models SelectVictimsOnNode (on a private copy of the node and state).
  const selectVictims = (state: CycleState, pod: PodInfo, ni: NodeInfo): { victims: PodInfo[]; status: Status | null } => {
    const runner = handle.runner;
    const potential = ni.pods.filter((p) => p.priority < pod.priority);
    for (const v of potential) {
      ni.removePod(v.uid);
      const s = runner.runPreFilterExtensionRemovePod(state, pod, v, ni);
      if (s) return { victims: [], status: s };
    }
    if (potential.length === 0) return { victims: [], status: new Status(Code.UnschedulableAndUnresolvable, [NO_VICTIMS_REASON], NAME) };
    const fits = runner.runFilterPluginsWithNominatedPods(state, pod, ni);
    if (fits !== null) return { victims: [], status: fits };
    const now = handle.nowMs();
    potential.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
    const victims: PodInfo[] = [];
    // Reprieve as many pods as possible, most important first.
    for (const v of potential) {
      ni.addPod(v);
      const s = runner.runPreFilterExtensionAddPod(state, pod, v, ni);
      if (s) return { victims: [], status: s };
      if (runner.runFilterPluginsWithNominatedPods(state, pod, ni) !== null) {
        ni.removePod(v.uid);
        const r = runner.runPreFilterExtensionRemovePod(state, pod, v, ni);
        if (r) return { victims: [], status: r };
        victims.push(v);
      }
    }
    return { victims, status: null };
  };

  // Models pickOneNodeForPreemption (no PDB violations to compare).
  const pickOne = (candidates: Candidate[]): Candidate => {
    const now = handle.nowMs();
    const MAX_INT32 = 2147483647;
    const scoreFuncs: ((c: Candidate) => number)[] = [
      (c) => -c.victims[0]!.priority,
      (c) => -c.victims.reduce((sum, v) => sum + v.priority + MAX_INT32 + 1, 0),
      (c) => -c.victims.length,
      (c) => {
        // The latest start time among the highest-priority victims: prefer evicting younger pods.
        const top = c.victims[0]!.priority;
        let earliest = Infinity;
        for (const v of c.victims) if (v.priority === top) earliest = Math.min(earliest, v.startTimeMs ?? now);
        return earliest;
      },
    ];
    let all = candidates;
    for (const f of scoreFuncs) {
      let best = -Infinity;
      let selected: Candidate[] = [];
      for (const c of all) {
        const s = f(c);
        if (s > best) {
          best = s;
          selected = [c];
        } else if (s === best) selected.push(c);
      }
      if (selected.length === 1) return selected[0]!;
      all = selected;
    }
    return all[0]!;
  };

  // Models prepareCandidate: evict the victims and clear lower-priority nominations on the node.
  const prepare = (c: Candidate, preemptor: PodInfo): void => {
    const now = handle.nowMs();
    for (const v of c.victims) {
      if (v.isTerminating) continue;
      handle.api.mutate<PodObject>(
        'Pod',
        v.namespace,
        v.name,
        (draft) => {
          updatePodCondition(draft, podStatus(draft), { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${handle.schedulerName}: preempting to accommodate a higher priority pod` }, now);
        },
        'status',
      );
      const deleted = handle.api.delete('Pod', v.namespace, v.name);
      if (!deleted.ok) continue;
      handle.events.record({ component: handle.schedulerName }, v.pod as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${preemptor.uid} on node ${c.node}`);
    }
    for (const p of [...handle.nominator.nominatedPodsForNode(c.node)]) {
      if (p.priority >= preemptor.priority) continue;
      handle.api.mutate<PodObject>('Pod', p.namespace, p.name, (draft) => {
        if (draft.status) delete (draft.status as { nominatedNodeName?: string }).nominatedNodeName;
      }, 'status');
    }
  };

  return {
    name: NAME,
    postFilter(state, pod, m): PostFilterResult {
      const latest = handle.api.get<PodObject>('Pod', pod.namespace, pod.name);
      if (!latest) return { status: new Status(Code.Error, [`pods "${pod.name}" not found`], NAME) };
      const notEligible = eligible(pod, m);
      if (notEligible) return { status: new Status(Code.Unschedulable, [`preemption: ${notEligible}`], NAME) };

      const allNodes = handle.snapshot.list();
      if (allNodes.length === 0) return { status: new Status(Code.Error, ['preemption: no nodes available'], NAME) };
      const potential = m.nodesForStatusCode(handle.snapshot, Code.Unschedulable);
      const statuses = new NodeToStatus();
      const candidates: Candidate[] = [];
      if (potential.length > 0) {
        // Models DryRunPreemption: from a random offset, until enough candidates are found.
        const offset = rng.int(potential.length);
        const want = numCandidates(potential.length);
        for (let i = 0; i < potential.length; i++) {
          const ni = potential[(offset + i) % potential.length]!;
          const { victims, status } = selectVictims(state.clone(), pod, ni.clone());
          if (status === null && victims.length > 0) {
            candidates.push({ node: ni.name, victims });
            if (candidates.length >= want) break;
            continue;
          }
          statuses.set(ni.name, status ?? new Status(Code.Error, [`expected at least one victim pod on node "${ni.name}"`], NAME));
        }
      }
      if (candidates.length === 0) {
        statuses.absentStatus = new Status(Code.UnschedulableAndUnresolvable, [NOT_HELPFUL_REASON]);
        const d = newDiagnosis();
        d.nodeToStatus = statuses;
        return { status: new Status(Code.Unschedulable, [`preemption: ${fitErrorMessage(allNodes.length, d)}`], NAME), nominatedNodeName: '' };
      }
      const best = pickOne(candidates);
      prepare(best, pod);
      return { status: null, nominatedNodeName: best.node };
    },
  };
}
