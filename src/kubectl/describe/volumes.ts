/**
 * The `Volumes:` section of pods and templates, and the volume-source blocks PersistentVolumes share with it.
 */
import type {
  ConfigMapVolumeSource, CSIPersistentVolumeSource, CSIVolumeSource, DownwardAPIVolumeSource, EmptyDirVolumeSource,
  HostPathVolumeSource, NFSVolumeSource, PersistentVolumeClaimVolumeSource, ProjectedVolumeSource, SecretVolumeSource,
  Volume,
} from 'kubernetes-types/core/v1';
import { goBool } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity, parseQty } from './quantity';
import { printPersistentVolumeClaim } from './pvc-fields';

/** Image volumes (v1.31+) are newer than the kubernetes-types release in use. */
interface ImageVolumeSource {
  reference?: string;
  pullPolicy?: string;
}

/**
 * `Volumes:` with one block per volume, or `Volumes:  <none>`. `space` is `"  "` inside a Pod Template.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeVolumes.
 * Divergence: cloud and legacy in-tree sources (GCE PD, AWS EBS, iSCSI, RBD, Ceph, ...) print `<unknown>`; the
 * simulator has none of them.
 */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const image = (v as { image?: ImageVolumeSource }).image;
    if (v.hostPath) printHostPathVolumeSource(v.hostPath, w);
    else if (v.emptyDir) printEmptyDirVolumeSource(v.emptyDir, w);
    else if (v.gitRepo) {
      w.write(LEVEL_2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n` +
        `    Repository:\t${v.gitRepo.repository}\n    Revision:\t${v.gitRepo.revision ?? ''}\n`);
    } else if (v.secret) printSecretVolumeSource(v.secret, w);
    else if (v.configMap) printConfigMapVolumeSource(v.configMap, w);
    else if (v.nfs) printNFSVolumeSource(v.nfs, w);
    else if (v.persistentVolumeClaim) printPersistentVolumeClaimVolumeSource(v.persistentVolumeClaim, w);
    else if (v.ephemeral) {
      w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
      const tpl = v.ephemeral.volumeClaimTemplate;
      if (tpl) printPersistentVolumeClaim(nestedPrefixWriter(w, LEVEL_2), { metadata: tpl.metadata, spec: tpl.spec }, false);
    } else if (v.downwardAPI) printDownwardAPIVolumeSource(v.downwardAPI, w);
    else if (v.projected) printProjectedVolumeSource(v.projected, w);
    else if (v.csi) printCSIVolumeSource(v.csi, w);
    else if (image) {
      w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n` +
        `    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`);
    } else w.write(LEVEL_1, '<unknown>\n');
  }
}

/** Models describe.go printHostPathVolumeSource. */
export function printHostPathVolumeSource(hp: HostPathVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n` +
    `    Path:\t${hp.path}\n    HostPathType:\t${hp.type === undefined || hp.type === null ? '<none>' : hp.type}\n`);
}

function printEmptyDirVolumeSource(ed: EmptyDirVolumeSource, w: PrefixWriter): void {
  const limit = ed.sizeLimit !== undefined && parseQty(ed.sizeLimit).nano > 0n ? canonicalQuantity(ed.sizeLimit) : '<unset>';
  w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n` +
    `    Medium:\t${ed.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
}

function printSecretVolumeSource(s: SecretVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n` +
    `    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${goBool(s.optional)}\n`);
}

function printConfigMapVolumeSource(cm: ConfigMapVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n` +
    `    Name:\t${cm.name ?? ''}\n    Optional:\t${goBool(cm.optional)}\n`);
}

/** Models describe.go printNFSVolumeSource. */
export function printNFSVolumeSource(nfs: NFSVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n` +
    `    Server:\t${nfs.server}\n    Path:\t${nfs.path}\n    ReadOnly:\t${goBool(nfs.readOnly)}\n`);
}

function printPersistentVolumeClaimVolumeSource(claim: PersistentVolumeClaimVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n` +
    `    ClaimName:\t${claim.claimName}\n    ReadOnly:\t${goBool(claim.readOnly)}\n`);
}

function printDownwardAPIVolumeSource(d: DownwardAPIVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of d.items ?? []) {
    if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

// Models describe.go printProjectedVolumeSource (the kube-api-access-xxxxx volume of every pod is one).
function printProjectedVolumeSource(p: ProjectedVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const src of p.sources ?? []) {
    if (src.secret) {
      w.write(LEVEL_2, `SecretName:\t${src.secret.name ?? ''}\n    Optional:\t${goBool(src.secret.optional)}\n`);
    } else if (src.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (src.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${src.configMap.name ?? ''}\n    Optional:\t${goBool(src.configMap.optional)}\n`);
    } else if (src.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

function printCSIVolumeSource(csi: CSIVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n` +
    `    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    ReadOnly:\t${goBool(csi.readOnly)}\n`);
  printCSIAttributes(w, 'VolumeAttributes', csi.volumeAttributes);
}

/** Models describe.go printCSIPersistentVolumeSource. */
export function printCSIPersistentVolumeSource(csi: CSIPersistentVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n` +
    `    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    VolumeHandle:\t${csi.volumeHandle}\n` +
    `    ReadOnly:\t${goBool(csi.readOnly)}\n`);
  printCSIAttributes(w, 'VolumeAttributes', csi.volumeAttributes);
}

// Models describe.go printCSIPersistentVolumeAttributesMultilineIndent (continuation lines repeat the level).
function printCSIAttributes(w: PrefixWriter, title: string, attrs: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_2, `${title}:\t`);
  const keys = Object.keys(attrs ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attrs![key]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}
