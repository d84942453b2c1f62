/**
 * `kubectl describe persistentvolume`, `persistentvolumeclaim` and `storageclass`.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, VolumeNodeAffinity } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline, printNodeSelectorTerms } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { goSlice, rfc1123z, since, titleBoolPtr } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';
import { accessModesString, printPersistentVolumeClaim } from './pvc-fields';
import { canonicalQuantity } from './quantity';
import { formatLabels } from './selectors';
import { printCSIPersistentVolumeSource, printHostPathVolumeSource, printNFSVolumeSource } from './volumes';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The full describe text of a PersistentVolume: class, status, claim, policy, capacity, node affinity, source.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describePersistentVolume.
 * Divergence: only the sources the simulator provisions (hostPath, local, NFS, CSI) are detailed.
 */
export function describePersistentVolume(obj: KubeObject, ctx: DescribeContext): string {
  const pv = obj as unknown as PersistentVolume;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    const meta = obj.metadata;
    w.write(LEVEL_0, `Name:\t${meta.name}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`);
    const ann = meta.annotations ?? {};
    const storageClass = BETA_STORAGE_CLASS_ANNOTATION in ann ? ann[BETA_STORAGE_CLASS_ANNOTATION] : spec.storageClassName ?? '';
    w.write(LEVEL_0, `StorageClass:\t${storageClass}\n`);
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    const claim = spec.claimRef;
    w.write(LEVEL_0, `Claim:\t${claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.['storage'])}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.hostPath) printHostPathVolumeSource(spec.hostPath, w);
    else if (spec.nfs) printNFSVolumeSource(spec.nfs, w);
    else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
    else if (spec.csi) printCSIPersistentVolumeSource(spec.csi, w);
    else w.write(LEVEL_1, '<unknown>\n');
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go printVolumeNodeAffinity.
function printVolumeNodeAffinity(w: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => printNodeSelectorTerms(w, LEVEL_2, `Term ${i}`, term.matchExpressions));
}

/**
 * The full describe text of a PersistentVolumeClaim: the claim fields, the pods using it, conditions, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go PersistentVolumeClaimDescriber.Describe,
 * describePersistentVolumeClaim.
 */
export function describePersistentVolumeClaim(obj: KubeObject, ctx: DescribeContext): string {
  const pvc = obj as unknown as PersistentVolumeClaim;
  const usedBy = podsForClaim(obj, ctx);
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, ctx.nowMs);
    w.write(LEVEL_0, 'Used By:\t');
    if (usedBy.length === 0) w.writeLine('<none>');
    else {
      [...usedBy].sort().forEach((name, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        w.write(LEVEL_0, `${name}\n`);
      });
    }
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t` +
          `${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * Names of pods in the claim's namespace that mount it (once per volume that names it), then owner pods.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go getPodsForPVC.
 */
function podsForClaim(obj: KubeObject, ctx: DescribeContext): string[] {
  const pods = ctx.list('Pod', obj.metadata.namespace) as unknown as Pod[];
  const out: string[] = [];
  const uids = new Set<string>();
  for (const pod of pods) {
    for (const v of pod.spec?.volumes ?? []) {
      if (v.persistentVolumeClaim?.claimName === obj.metadata.name) {
        out.push(pod.metadata?.name ?? '');
        uids.add(pod.metadata?.uid ?? '');
      }
    }
  }
  for (const ref of obj.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod' || uids.has(ref.uid)) continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (owner) {
      out.push(owner.metadata?.name ?? '');
      uids.add(ref.uid);
    }
  }
  return out;
}

/**
 * The full describe text of a StorageClass: default flag, provisioner, parameters, policies, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeStorageClass.
 */
export function describeStorageClass(obj: KubeObject, ctx: DescribeContext): string {
  const sc = obj as unknown as StorageClass;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const ann = obj.metadata.annotations ?? {};
    const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(obj.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${titleBoolPtr(sc.allowVolumeExpansion)}\n`);
    const mountOptions = sc.mountOptions ?? [];
    if (mountOptions.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of mountOptions) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          const reqs = term.matchLabelExpressions ?? [];
          w.write(LEVEL_1, `Term ${i}:\t`);
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            w.write(LEVEL_0, `${r.key} in${r.values.length > 0 ? ` [${r.values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
