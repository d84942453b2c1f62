/**
 * The StatefulSet controller's writes through the apiserver: claims before pods, pod identity and storage fixes,
 * deletions, claim ownership for the retention policy, and the events upstream records for each.
 * Models pkg/controller/statefulset/stateful_pod_control.go (StatefulPodControl) and the ControllerRevision writes
 * of pkg/controller/history/controller_history.go (realHistory).
 */
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import { deepCopy, jsonEqual } from '../../api/meta';
import type { ApiServer } from '../../apiserver/apiserver';
import type { EventRecorder, EventSource } from '../../apiserver/events';
import {
  claimOwnerRefsForPolicy, getOrdinal, getPersistentVolumeClaimName, getPersistentVolumeClaims, hasStaleOwnerRef,
  hasUnexpectedController, identityMatches, isClaimOwnerUpToDate, retentionPolicyOf, serializeStatefulSetStatus,
  storageMatches, updateIdentity, updateStorage, claimTemplateNames,
  type StatefulPod, type StoredClaim, type StoredStatefulSet,
} from './stateful-set-utils';
import { aggregate, type ControllerHistory, type StatefulPodControl, type SyncError } from './stateful-set-control';
import { controllerRevisionName, hashControllerRevision, revisionDataText, type StoredControllerRevision } from './history';

/** The component name events are reported under. */
export const STATEFULSET_CONTROLLER = 'statefulset-controller';

const SOURCE: EventSource = { component: STATEFULSET_CONTROLLER };

/** Go's strings.Title for a one-word verb. */
function title(verb: string): string {
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

/** Pod and claim writes through the apiserver, with upstream's events. */
export class ApiStatefulPodControl implements StatefulPodControl {
  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
  ) {}

  /** Models CreateStatefulPod: claims first; AlreadyExists on the pod is returned without an event. */
  createStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const claimErr = this.createPersistentVolumeClaims(set, pod);
    if (claimErr) {
      this.recordPodEvent('create', set, pod, claimErr);
      return claimErr;
    }
    const r = this.api.create<StatefulPod>(pod);
    if (!r.ok && r.status.reason === 'AlreadyExists') return r.status.message;
    const err = r.ok ? undefined : r.status.message;
    // Claim ownership is set as far as possible now; the created pod's uid lets a Delete policy reference it.
    const retentionErr = this.updatePodClaimForRetentionPolicy(set, r.ok ? r.value : pod);
    if (retentionErr) {
      this.recordPodEvent('update', set, pod, retentionErr);
      return retentionErr;
    }
    this.recordPodEvent('create', set, pod, err);
    return err;
  }

  /** Models UpdateStatefulPod: identity labels, claim volumes (creating missing claims) and claim ownership. */
  updateStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const draft = deepCopy(pod);
    let consistent = true;
    if (!identityMatches(set, draft)) {
      updateIdentity(set, draft);
      consistent = false;
    }
    if (!storageMatches(set, draft)) {
      updateStorage(set, draft);
      consistent = false;
      const err = this.createPersistentVolumeClaims(set, draft);
      if (err) {
        this.recordPodEvent('update', set, draft, err);
        return err;
      }
    }
    if (!this.claimsMatchRetentionPolicy(set, draft)) {
      const err = this.updatePodClaimForRetentionPolicy(set, draft);
      if (err) {
        this.recordPodEvent('update', set, draft, err);
        return err;
      }
      consistent = false;
    }
    if (consistent) return undefined;
    // Divergence: upstream retries conflicts against its informer cache; here the write carries no
    // resourceVersion, so it applies to the stored pod as read a moment ago in the same task.
    const { resourceVersion: _rv, ...meta } = draft.metadata;
    void _rv;
    const r = this.api.update({ ...draft, metadata: meta as KubeObject['metadata'] });
    const err = r.ok ? undefined : r.status.message;
    this.recordPodEvent('update', set, draft, err);
    return err;
  }

  /** Models DeleteStatefulPod: the pod's claims are kept. */
  deleteStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const r = this.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    const err = r.ok ? undefined : r.status.message;
    this.recordPodEvent('delete', set, pod, err);
    return err;
  }

  /** Models PodClaimIsStale: with Delete on scale-down, a claim still owned by an earlier pod of this name. */
  podClaimIsStale(set: StoredStatefulSet, pod: StatefulPod): boolean {
    if (retentionPolicyOf(set).whenScaled === 'Retain') return false;
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const pvc = this.api.get('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
      if (pvc && hasStaleOwnerRef(pvc, pod)) return true;
    }
    return false;
  }

  /** Models createMissingPersistentVolumeClaims. */
  createMissingPersistentVolumeClaims(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const err = this.createPersistentVolumeClaims(set, pod);
    if (err) return err;
    const retentionErr = this.updatePodClaimForRetentionPolicy(set, pod);
    if (retentionErr) {
      this.recordPodEvent('update', set, pod, retentionErr);
      return retentionErr;
    }
    return undefined;
  }

  /** Models ClaimsMatchRetentionPolicy: claims not created yet are picked up on a later sync. */
  claimsMatchRetentionPolicy(set: StoredStatefulSet, pod: StatefulPod): boolean {
    const ordinal = getOrdinal(pod);
    for (const templateName of claimTemplateNames(set)) {
      const claim = this.api.get('PersistentVolumeClaim', set.metadata.namespace, getPersistentVolumeClaimName(set, templateName, ordinal));
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  /** Models UpdatePodClaimForRetentionPolicy. */
  updatePodClaimForRetentionPolicy(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const ordinal = getOrdinal(pod);
    for (const templateName of claimTemplateNames(set)) {
      const claimName = getPersistentVolumeClaimName(set, templateName, ordinal);
      const claim = this.api.get('PersistentVolumeClaim', set.metadata.namespace, claimName);
      if (!claim) continue;
      if (hasUnexpectedController(claim, set, pod)) {
        // Upstream's message, typo included.
        this.events.record(SOURCE, set, 'Warning', 'ConflictingController', `PersistentVolumeClaim ${claimName} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`);
      }
      if (isClaimOwnerUpToDate(claim, set, pod)) continue;
      const refs = claimOwnerRefsForPolicy(claim, set, pod);
      const r = this.api.mutate('PersistentVolumeClaim', set.metadata.namespace, claimName, (draft) => {
        if (refs.length > 0) draft.metadata.ownerReferences = refs;
        else delete draft.metadata.ownerReferences;
      });
      if (!r.ok) return `could not update claim ${claimName} for delete policy ownerRefs: ${r.status.message}`;
    }
    return undefined;
  }

  /** Models createPersistentVolumeClaims: creates the claims that do not exist; a claim being deleted is an error. */
  private createPersistentVolumeClaims(set: StoredStatefulSet, pod: StatefulPod): SyncError {
    const errs: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const existing = this.api.get<StoredClaim>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
      if (!existing) {
        const r = this.api.create(claim);
        if (!r.ok) errs.push(`failed to create PVC ${claim.metadata.name}: ${r.status.message}`);
        if (r.ok || r.status.reason !== 'AlreadyExists') this.recordClaimEvent('create', set, pod, claim, r.ok ? undefined : r.status.message);
      } else if (existing.metadata.deletionTimestamp) {
        errs.push(`pvc ${claim.metadata.name} is being deleted`);
      }
    }
    return errs.length === 0 ? undefined : aggregate(errs);
  }

  /** Models recordPodEvent: `create Pod web-0 in StatefulSet web successful`, or a Failed<Verb> warning. */
  private recordPodEvent(verb: string, set: StoredStatefulSet, pod: StatefulPod, err: SyncError): void {
    if (err === undefined) {
      this.events.record(SOURCE, set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    } else {
      this.events.record(SOURCE, set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`);
    }
  }

  /** Models recordClaimEvent: `create Claim www-web-0 Pod web-0 in StatefulSet web success`. */
  private recordClaimEvent(verb: string, set: StoredStatefulSet, pod: StatefulPod, claim: KubeObject, err: SyncError): void {
    if (err === undefined) {
      this.events.record(SOURCE, set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    } else {
      this.events.record(SOURCE, set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`);
    }
  }
}

/** ControllerRevision writes through the apiserver. Models history.realHistory. */
export class ApiControllerHistory implements ControllerHistory {
  constructor(private readonly api: ApiServer) {}

  /** Models CreateControllerRevision: on a name clash with different data, bump the collision count and rename. */
  create(set: StoredStatefulSet, revision: StoredControllerRevision, collisionCount: number) {
    let count = collisionCount;
    for (;;) {
      const hash = hashControllerRevision(revision.data, count);
      const clone = deepCopy(revision);
      clone.metadata.name = controllerRevisionName(set.metadata.name, hash);
      clone.metadata.namespace = set.metadata.namespace;
      const r = this.api.create<StoredControllerRevision>(clone);
      if (r.ok) return { revision: r.value, collisionCount: count };
      if (r.status.reason !== 'AlreadyExists') return { error: r.status.message, collisionCount: count };
      const exists = this.api.get<StoredControllerRevision>('ControllerRevision', set.metadata.namespace, clone.metadata.name);
      if (!exists) return { error: r.status.message, collisionCount: count };
      if (revisionDataText(exists.data) === revisionDataText(clone.data)) return { revision: exists, collisionCount: count };
      count++;
    }
  }

  /** Models UpdateControllerRevision. */
  update(revision: StoredControllerRevision, newRevision: number) {
    if (revision.revision === newRevision) return { revision };
    const r = this.api.mutate<StoredControllerRevision>('ControllerRevision', revision.metadata.namespace, revision.metadata.name, (draft) => {
      draft.revision = newRevision;
    });
    return r.ok ? { revision: r.value } : { error: r.status.message };
  }

  /** Models DeleteControllerRevision. */
  delete(revision: StoredControllerRevision): SyncError {
    const r = this.api.delete('ControllerRevision', revision.metadata.namespace, revision.metadata.name);
    return r.ok || r.status.reason === 'NotFound' ? undefined : r.status.message;
  }
}

/** Models StatefulSetStatusUpdater.UpdateStatefulSetStatus: writes the status subresource. */
export function writeStatefulSetStatus(api: ApiServer, set: StoredStatefulSet, status: StatefulSetStatus): SyncError {
  const next = serializeStatefulSetStatus(status);
  if (jsonEqual(next, set.status)) return undefined;
  const r = api.mutate('StatefulSet', set.metadata.namespace, set.metadata.name, (draft) => {
    // The write targets the object this sync read; a recreated set of the same name is left alone.
    if (draft.metadata.uid !== set.metadata.uid) return;
    draft.status = next;
  }, 'status');
  return r.ok ? undefined : r.status.message;
}
