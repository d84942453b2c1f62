/**
 * PodTopologySpread: DoNotSchedule constraints filter, ScheduleAnyway constraints (or the system defaults)
 * score.
 * Models pkg/scheduler/framework/plugins/podtopologyspread/plugin.go.
 */
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { ActionType, asNode, asPod } from '../../framework/events';
import type { Handle, SchedulerPlugin } from '../../framework/interface';
import type { PodInfo } from '../../framework/pod-info';
import { PodTopologySpread as NAME } from '../names';
import { defaultSelector, filterConstraints, nodeLabelsMatchConstraints, selectorMatches, SYSTEM_DEFAULT_CONSTRAINTS, type Constraint } from './common';
import { filter, getPreFilterState, preFilter } from './filtering';
import { normalizeScore, preScore, score } from './scoring';

/** Arguments of the plugin (PodTopologySpreadArgs). */
export interface PodTopologySpreadArgs {
  /** Cluster-level default constraints; unset means the system defaults. */
  defaultConstraints?: readonly TopologySpreadConstraint[];
}

/** Builds the plugin. */
export function newPodTopologySpread(handle: Handle, args: PodTopologySpreadArgs = {}): SchedulerPlugin {
  const systemDefaulted = args.defaultConstraints === undefined;
  const defaults = args.defaultConstraints ?? SYSTEM_DEFAULT_CONSTRAINTS;

  // Models buildDefaultConstraints / getConstraints.
  const constraintsFor = (pod: PodInfo, action: string): Constraint[] => {
    const own = pod.pod.spec?.topologySpreadConstraints;
    if (own && own.length > 0) return filterConstraints(own, pod.labels, action);
    const cs = filterConstraints(defaults, pod.labels, action);
    if (cs.length === 0) return cs;
    const selector = defaultSelector(handle, pod);
    if (selector.length === 0) return [];
    for (const c of cs) c.selector = selector;
    return cs;
  };

  return {
    name: NAME,
    preFilter: (state, pod) => preFilter(handle, state, pod, constraintsFor(pod, 'DoNotSchedule')),
    addPod(state, _podToSchedule, podToAdd, nodeInfo) {
      getPreFilterState(state)?.updateWithPod(podToAdd, nodeInfo, 1);
      return null;
    },
    removePod(state, _podToSchedule, podToRemove, nodeInfo) {
      getPreFilterState(state)?.updateWithPod(podToRemove, nodeInfo, -1);
      return null;
    },
    filter: (state, pod, nodeInfo) => filter(state, pod, nodeInfo),
    preScore(state, pod, nodes) {
      // Only non-default constraints require every topology key on a node.
      const requireAll = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0 || !systemDefaulted;
      return preScore(handle, state, pod, nodes, constraintsFor(pod, 'ScheduleAnyway'), requireAll);
    },
    score: (state, _pod, nodeInfo) => score(state, nodeInfo),
    normalizeScore: (state, _pod, scores, nodes) => normalizeScore(state, scores, nodes),
    eventsToRegister() {
      return [
        {
          event: { resource: 'Pod', actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.UpdatePodToleration | ActionType.Delete, label: 'Pod' },
          // Models isSchedulableAfterPodChange.
          hint: (pod, oldObj, newObj) => {
            const o = asPod(oldObj);
            const n = asPod(newObj);
            const involved = (p: typeof o) => !!p && (p.metadata.uid === pod.uid || (!!p.spec?.nodeName && (p.metadata.namespace ?? 'default') === pod.namespace));
            if ((n && !involved(n)) || (o && !involved(o))) return false;
            const constraints = constraintsFor(pod, 'DoNotSchedule');
            if (o && n) {
              if (o.metadata.uid === pod.uid) return true;
              return constraints.some((c) => selectorMatches(c.selector, o.metadata.labels) !== selectorMatches(c.selector, n.metadata.labels));
            }
            const changed = n ?? o!;
            return constraints.some((c) => selectorMatches(c.selector, changed.metadata.labels));
          },
        },
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.Delete | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint, label: 'Node' },
          // Models isSchedulableAfterNodeChange.
          hint: (pod, oldObj, newObj) => {
            const constraints = constraintsFor(pod, 'DoNotSchedule');
            const o = asNode(oldObj);
            const n = asNode(newObj);
            const oMatch = !!o && nodeLabelsMatchConstraints(o.metadata.labels, constraints);
            const nMatch = !!n && nodeLabelsMatchConstraints(n.metadata.labels, constraints);
            if (o && n) {
              if (oMatch !== nMatch) return true;
              if (!nMatch) return false;
              const changed = constraints.some((c) => o.metadata.labels?.[c.topologyKey] !== n.metadata.labels?.[c.topologyKey]);
              return changed || JSON.stringify(o.spec?.taints ?? []) !== JSON.stringify(n.spec?.taints ?? []);
            }
            return n ? nMatch : oMatch;
          },
        },
      ];
    },
  };
}
