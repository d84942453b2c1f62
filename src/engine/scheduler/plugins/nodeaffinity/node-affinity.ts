/**
 * NodeAffinity: nodeSelector and required node affinity filter; preferred node affinity scores.
 * Models pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go.
 */
import type { StateData } from '../../framework/cycle-state';
import { Code, SKIP, Status } from '../../framework/status';
import { ActionType, asNode } from '../../framework/events';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../../framework/interface';
import type { PodInfo } from '../../framework/pod-info';
import { defaultNormalizeScore } from '../helper/normalize-score';
import { PreferredSchedulingTerms, RequiredNodeAffinity } from '../helper/node-affinity';
import { NodeAffinity as NAME } from '../names';

/** The filter reason. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const PRE_FILTER_KEY = `PreFilter${NAME}`;
const PRE_SCORE_KEY = `PreScore${NAME}`;
const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_POD], NAME);

class PreFilterState implements StateData {
  constructor(readonly required: RequiredNodeAffinity) {}
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  constructor(readonly preferred: PreferredSchedulingTerms) {}
  clone(): StateData {
    return this;
  }
}

/** Builds the plugin. */
export function newNodeAffinity(): SchedulerPlugin {
  return {
    name: NAME,
    preFilter(state, pod) {
      const spec = pod.pod.spec;
      const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      const hasSelector = !!spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0;
      if (!required && !hasSelector && !spec?.nodeSelector) return { status: SKIP };
      state.write(PRE_FILTER_KEY, new PreFilterState(new RequiredNodeAffinity(pod.pod)));
      const terms = required?.nodeSelectorTerms ?? [];
      if (terms.length === 0) return null;
      // Models PreFilter: terms that pin metadata.name narrow the candidate nodes.
      let nodeNames = null as Set<string> | null;
      for (const t of terms) {
        let termNames = null as Set<string> | null;
        for (const r of t.matchFields ?? []) {
          if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
          const s = new Set(r.values ?? []);
          termNames = termNames === null ? s : new Set([...termNames].filter((n) => s.has(n)));
        }
        // A term without a name pin admits every node: the terms are ORed.
        if (termNames === null) return null;
        nodeNames = nodeNames === null ? termNames : new Set([...nodeNames, ...termNames]);
      }
      if (nodeNames !== null && nodeNames.size === 0) return { status: new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_CONFLICT], NAME) };
      return nodeNames ? { nodeNames } : null;
    },
    filter(state, pod, nodeInfo) {
      const node = nodeInfo.node;
      if (!node) return REJECT;
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      const required = s?.required ?? new RequiredNodeAffinity(pod.pod);
      return required.match(node) ? null : REJECT;
    },
    preScore(state, pod) {
      const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      if (preferred.length === 0) return SKIP;
      state.write(PRE_SCORE_KEY, new PreScoreState(new PreferredSchedulingTerms(preferred)));
      return null;
    },
    score(state, pod: PodInfo, nodeInfo) {
      const node = nodeInfo.node;
      if (!node) return 0;
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      const preferred = s?.preferred ?? new PreferredSchedulingTerms(pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []);
      return preferred.score(node);
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel, label: 'Node' },
          // Models isSchedulableAfterNodeChange: requeue when the node now matches and did not before.
          hint: (pod, oldObj, newObj) => {
            const n = asNode(newObj);
            if (!n) return false;
            const required = new RequiredNodeAffinity(pod.pod);
            if (!required.match(n)) return false;
            const o = asNode(oldObj);
            return !o || !required.match(o);
          },
        },
      ];
    },
  };
}
