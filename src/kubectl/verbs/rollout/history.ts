/**
 * Revision history of a rollout: for a Deployment its ReplicaSets (revision annotation, change-cause from the
 * ReplicaSet), for a DaemonSet or StatefulSet its ControllerRevisions (revision field, change-cause from the
 * revision's annotations). `rollout history` prints the REVISION / CHANGE-CAUSE table or one revision's pod
 * template; `rollout undo` picks the revision to go back to.
 * Models staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go (ViewHistory, GetHistory, printHistory,
 * printTemplate, getDeploymentReplicaSets, controlledHistory, applyDaemonSetHistory, applyStatefulSetHistory,
 * tabbedString) and pkg/util/deployment/deployment.go (GetAllReplicaSets, listReplicaSets).
 */
import type { ControllerRevision, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import {
  CHANGE_CAUSE_ANNOTATION,
  controllerRef,
  deepCopy,
  findNewReplicaSet,
  findOldReplicaSets,
  fromLabelSelector,
  matches,
  replicaSetRevision,
  applyStatefulSetRevision,
  statefulSetRevisionHistory,
  strategicMergePatch,
  type ApiServer,
  type KubeObject,
} from '../../../engine';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { describePodTemplate } from '../../describe/pod-template';
import type { PrefixWriter } from '../../describe/prefix-writer';
import { TabWriter } from '../../describe/tabwriter';

/** A ReplicaSet or ControllerRevision as stored. */
type StoredReplicaSet = ReplicaSet & KubeObject;
type StoredRevision = ControllerRevision & KubeObject;

/** One revision of a rollout: its number, the pod template it ran, its change cause, and the object behind it. */
export interface RevisionEntry {
  revision: number;
  template: PodTemplateSpec;
  changeCause: string;
  /** The ReplicaSet (Deployment), or the workload with the revision's template applied (DaemonSet, StatefulSet). */
  object: KubeObject;
  /** The ControllerRevision, for DaemonSets and StatefulSets. */
  controllerRevision?: StoredRevision;
}

/** The history of one object, or the message of the error reading it. */
export type HistoryResult = { ok: true; entries: RevisionEntry[] } | { ok: false; error: string };

function selectorOf(obj: KubeObject): ReturnType<typeof fromLabelSelector> {
  return fromLabelSelector((obj.spec as { selector?: LabelSelector } | undefined)?.selector);
}

/**
 * Models GetAllReplicaSets: the Deployment's ReplicaSets (selected by its selector and controlled by it), the old
 * ones first and the new one last.
 */
export function deploymentReplicaSets(api: ApiServer, deployment: KubeObject): StoredReplicaSet[] {
  const sel = selectorOf(deployment);
  const owned = api
    .list<StoredReplicaSet>('ReplicaSet', deployment.metadata.namespace)
    .filter((rs) => sel !== null && matches(sel, rs.metadata.labels) && controllerRef(rs)?.uid === deployment.metadata.uid);
  const d = deployment as Deployment & KubeObject;
  const newRS = findNewReplicaSet(d, owned);
  const { allOldRSs } = findOldReplicaSets(d, owned);
  return newRS ? [...allOldRSs, newRS] : allOldRSs;
}

/** Models controlledHistory: ControllerRevisions the workload's selector matches and that it controls. */
export function controlledRevisions(api: ApiServer, owner: KubeObject): StoredRevision[] {
  const sel = selectorOf(owner);
  return api
    .list<StoredRevision>('ControllerRevision', owner.metadata.namespace)
    .filter((h) => sel !== null && matches(sel, h.metadata.labels) && controllerRef(h)?.uid === owner.metadata.uid);
}

/**
 * Models applyDaemonSetHistory / applyStatefulSetHistory: the workload with the revision's data (a strategic merge
 * patch replacing spec.template) applied.
 */
export function applyRevision(owner: KubeObject, history: ControllerRevision): KubeObject | undefined {
  const r = strategicMergePatch(owner, history.data ?? {}, owner.kind, owner.apiVersion);
  return r.ok ? (r.value as KubeObject) : undefined;
}

/** The revisions of a Deployment, DaemonSet or StatefulSet, in the order the history viewers collect them. */
export function historyOf(api: ApiServer, obj: KubeObject): HistoryResult {
  if (obj.kind === 'Deployment') {
    const entries: RevisionEntry[] = [];
    for (const rs of deploymentReplicaSets(api, obj)) {
      // A ReplicaSet whose revision does not parse is skipped (upstream logs a warning).
      const v = rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === undefined ? 0 : replicaSetRevision(rs);
      if (v === undefined) continue;
      const template = deepCopy(rs.spec?.template ?? {});
      const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
      // The viewer shows the change cause among the template's annotations.
      template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), ...(changeCause ? { [CHANGE_CAUSE_ANNOTATION]: changeCause } : {}) } };
      entries.push({ revision: v, template, changeCause, object: rs });
    }
    return { ok: true, entries };
  }
  if (obj.kind === 'StatefulSet') {
    // The StatefulSet controller's helper selects and orders the set's revisions.
    const sts = obj as StatefulSet & KubeObject;
    const revisions = api.list<StoredRevision>('ControllerRevision', obj.metadata.namespace);
    return {
      ok: true,
      entries: statefulSetRevisionHistory(sts, revisions).map((e) => ({
        revision: e.revision,
        template: e.template ?? {},
        changeCause: e.changeCause ?? '',
        object: applyStatefulSetRevision(sts, e.object),
        controllerRevision: e.object,
      })),
    };
  }
  const entries: RevisionEntry[] = [];
  for (const h of controlledRevisions(api, obj)) {
    const applied = applyRevision(obj, h);
    if (!applied) return { ok: false, error: `unable to parse history ${h.metadata.name}` };
    const template = ((applied.spec as { template?: PodTemplateSpec } | undefined)?.template ?? {}) as PodTemplateSpec;
    entries.push({ revision: h.revision ?? 0, template, changeCause: h.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '', object: applied, controllerRevision: h });
  }
  return { ok: true, entries };
}

/** Later entries with the same revision win, as when the viewers fill their revision map. */
export function byRevisionNumber(entries: readonly RevisionEntry[]): Map<number, RevisionEntry> {
  const map = new Map<number, RevisionEntry>();
  for (const e of entries) map.set(e.revision, e);
  return map;
}

/** A PrefixWriter straight into a string, without column alignment (describe.NewPrefixWriter over a buffer). */
function rawPrefixWriter(): { w: PrefixWriter; text: () => string } {
  let buf = '';
  // Models printers.WriteEscaped: terminal control characters are made visible.
  const esc = (s: string) => s.split('\x1b').join('^[').split('\r').join('\\r');
  return {
    w: {
      write: (level, text) => {
        buf += esc('  '.repeat(level) + text);
      },
      writeLine: (...parts) => {
        buf += esc(`${parts.join(' ')}\n`);
      },
      flush: () => undefined,
    },
    text: () => buf,
  };
}

/** Models printTemplate: the `Pod Template:` block of describe, tabs left as they are. */
export function printTemplate(template: PodTemplateSpec): string {
  const { w, text } = rawPrefixWriter();
  describePodTemplate(template, w);
  return text();
}

/**
 * Models ViewHistory: the REVISION / CHANGE-CAUSE table (`<none>` without a cause), `No rollout history found.`,
 * or with `revision` > 0 that revision's pod template. Returns an error message for a missing revision.
 */
export function viewHistory(entries: readonly RevisionEntry[], revision: number): { ok: true; text: string } | { ok: false; error: string } {
  const map = byRevisionNumber(entries);
  if (map.size === 0) return { ok: true, text: 'No rollout history found.' };
  if (revision > 0) {
    const e = map.get(revision);
    if (!e) return { ok: false, error: 'unable to find the specified revision' };
    return { ok: true, text: printTemplate(e.template) };
  }
  const tw = new TabWriter();
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const r of [...map.keys()].sort((a, b) => a - b)) tw.write(`${r}\t${map.get(r)!.changeCause || '<none>'}\n`);
  tw.flush();
  return { ok: true, text: tw.text() };
}
