/**
 * InterPodAffinity: pod affinity and anti-affinity, required (Filter) and preferred (Score).
 * Models pkg/scheduler/framework/plugins/interpodaffinity/plugin.go.
 */
import { ActionType, asNode, asPod } from '../../framework/events';
import type { Handle, SchedulerPlugin } from '../../framework/interface';
import { PodInfo } from '../../framework/pod-info';
import { InterPodAffinity as NAME } from '../names';
import { podMatchesAllTerms } from './common';
import { filter, getPreFilterState, preFilter } from './filtering';
import { normalizeScore, preScore, score, type InterPodAffinityArgs } from './scoring';

/** Builds the plugin. */
export function newInterPodAffinity(handle: Handle, args: InterPodAffinityArgs = {}): SchedulerPlugin {
  return {
    name: NAME,
    preFilter: (state, pod) => preFilter(handle, state, pod),
    addPod(state, _podToSchedule, podToAdd, nodeInfo) {
      getPreFilterState(state)?.updateWithPod(podToAdd, nodeInfo, 1);
      return null;
    },
    removePod(state, _podToSchedule, podToRemove, nodeInfo) {
      getPreFilterState(state)?.updateWithPod(podToRemove, nodeInfo, -1);
      return null;
    },
    filter: (state, _pod, nodeInfo) => filter(state, nodeInfo),
    preScore: (state, pod, nodes) => preScore(handle, args, state, pod, nodes),
    score: (state, _pod, nodeInfo) => score(state, nodeInfo),
    normalizeScore: (state, _pod, scores) => normalizeScore(state, scores),
    eventsToRegister() {
      return [
        {
          event: { resource: 'Pod', actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete, label: 'Pod' },
          // Models isSchedulableAfterPodChange.
          hint: (pod, oldObj, newObj) => {
            const o = asPod(oldObj);
            const n = asPod(newObj);
            if ((n && !n.spec?.nodeName) || (o && !o.spec?.nodeName)) return false;
            const terms = pod.requiredAffinityTerms;
            const anti = pod.requiredAntiAffinityTerms;
            if (o && n) {
              const before = PodInfo.of(o);
              const after = PodInfo.of(n);
              return (!podMatchesAllTerms(terms, before) && podMatchesAllTerms(terms, after)) || (podMatchesAllTerms(anti, before) && !podMatchesAllTerms(anti, after));
            }
            if (n) return podMatchesAllTerms(terms, PodInfo.of(n));
            const deleted = PodInfo.of(o!);
            // Divergence: also requeue when the deleted pod's own required anti-affinity may have been what blocked us.
            return podMatchesAllTerms(anti, deleted) || deleted.requiredAntiAffinityTerms.length > 0;
          },
        },
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel, label: 'Node' },
          // Models isSchedulableAfterNodeChange: a node gained (or changed) a topology key our terms use.
          hint: (pod, oldObj, newObj) => {
            const o = asNode(oldObj);
            const n = asNode(newObj);
            if (!n) return false;
            if (!o && pod.requiredAffinityTerms.length === 0) return true;
            const newLabels = n.metadata.labels ?? {};
            const oldLabels = o?.metadata.labels ?? {};
            for (const t of pod.requiredAffinityTerms) {
              const k = t.topologyKey;
              if (!o) {
                if (k in newLabels) return true;
              } else if ((!(k in oldLabels) && k in newLabels) || (k in oldLabels && k in newLabels && oldLabels[k] !== newLabels[k])) {
                return true;
              }
            }
            for (const t of pod.requiredAntiAffinityTerms) {
              const k = t.topologyKey;
              if (!o) return true;
              if ((k in oldLabels && !(k in newLabels)) || (k in oldLabels && k in newLabels && oldLabels[k] !== newLabels[k])) return true;
            }
            return false;
          },
        },
      ];
    },
  };
}
