/**
 * TaintToleration: NoSchedule/NoExecute taints filter; untolerated PreferNoSchedule taints lower the score.
 * Models pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { StateData } from '../../framework/cycle-state';
import { Code, Status } from '../../framework/status';
import { ActionType, asNode } from '../../framework/events';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../../framework/interface';
import { defaultNormalizeScore } from '../helper/normalize-score';
import { findUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../helper/taints';
import { TaintToleration as NAME } from '../names';

const PRE_SCORE_KEY = `PreScore${NAME}`;

class PreScoreState implements StateData {
  constructor(readonly tolerationsPreferNoSchedule: readonly Toleration[]) {}
  clone(): StateData {
    return this;
  }
}

/** The filter reason for an untolerated taint: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

/** Builds the plugin. */
export function newTaintToleration(): SchedulerPlugin {
  // One status per distinct taint: the filter runs for every node and must not allocate per call.
  const rejections = new Map<string, Status>();
  const reject = (key: string, value: string | undefined): Status => {
    const k = `${key}\u0000${value ?? ''}`;
    let s = rejections.get(k);
    if (!s) rejections.set(k, (s = new Status(Code.UnschedulableAndUnresolvable, [untoleratedTaintReason(key, value)], NAME)));
    return s;
  };
  return {
    name: NAME,
    filter(_state, pod, nodeInfo) {
      const taints = nodeInfo.taints;
      if (taints.length === 0) return null;
      const taint = findUntoleratedTaint(taints, pod.tolerations, isDoNotScheduleTaint);
      return taint ? reject(taint.key, taint.value) : null;
    },
    preScore(state, pod, nodes) {
      if (nodes.length === 0) return null;
      // Models getAllTolerationPreferNoSchedule: an empty effect tolerates every effect.
      const tols = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      state.write(PRE_SCORE_KEY, new PreScoreState(tols));
      return null;
    },
    score(state, _pod, nodeInfo) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      const tols = s?.tolerationsPreferNoSchedule ?? [];
      let n = 0;
      for (const t of nodeInfo.taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) n++;
      return n;
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint, label: 'Node' },
          // Models isSchedulableAfterNodeChange: requeue when the node went from untolerated to tolerated.
          hint: (pod, oldObj, newObj) => {
            const o = asNode(oldObj);
            const n = asNode(newObj);
            if (!n) return false;
            const was = o ? !!findUntoleratedTaint(o.spec?.taints ?? [], pod.tolerations, isDoNotScheduleTaint) : true;
            const is = !!findUntoleratedTaint(n.spec?.taints ?? [], pod.tolerations, isDoNotScheduleTaint);
            return was && !is;
          },
        },
        { event: { resource: 'UnscheduledPod', actionType: ActionType.UpdatePodToleration, label: 'PodToleration' } },
      ];
    },
  };
}
