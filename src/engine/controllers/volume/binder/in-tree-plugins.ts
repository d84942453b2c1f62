/**
 * What kube-controller-manager's in-tree volume plugins can do for the binder: find the provisioner of a class
 * (in-tree, migrated to CSI, or external) and delete a released volume (only hostPath under /tmp can be).
 * Models pkg/volume/plugins.go (FindProvisionablePluginByName, FindDeletablePluginBySpec), pkg/volume/hostpath
 * (the /tmp-only deleter; provisioning disabled without --enable-hostpath-provisioner) and
 * csi-translation-lib (in-tree names migrated to CSI drivers).
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { ANN_DYNAMICALLY_PROVISIONED } from '../helpers/storage';

/** In-tree provisioner names that v1.34 hands to a CSI driver (CSI migration is complete for these). */
const MIGRATED_TO_CSI: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
};

const HOST_PATH_PLUGIN = 'kubernetes.io/host-path';

/** How a class's volumes get provisioned. */
export type ProvisionerLookup =
  /** An external provisioner (or CSI driver) is expected to act on the claim. */
  | { kind: 'external'; name: string }
  /** No usable plugin: the binder reports ProvisioningFailed with this message. */
  | { kind: 'failed'; message: string };

/**
 * The provisioner of a class named `provisioner`.
 * Models pv_controller.go findProvisionablePlugin and provisionClaimOperation's plugin errors: names outside
 * `kubernetes.io/` are external; in-tree names are migrated to CSI or have no (enabled) plugin.
 */
export function lookupProvisioner(provisioner: string): ProvisionerLookup {
  const migrated = MIGRATED_TO_CSI[provisioner];
  if (migrated) return { kind: 'external', name: migrated };
  if (!provisioner.startsWith('kubernetes.io/')) return { kind: 'external', name: provisioner };
  if (provisioner === HOST_PATH_PLUGIN) {
    return { kind: 'failed', message: `Failed to create provisioner: provisioning in volume plugin "${HOST_PATH_PLUGIN}" is disabled` };
  }
  return { kind: 'failed', message: `no volume plugin matched name: ${provisioner}` };
}

/** What deleting a released volume's storage came to. */
export type DeleteOutcome =
  /** The storage is gone; the binder deletes the PV object. */
  | { kind: 'deleted' }
  /** An external provisioner (or CSI driver) deletes it; the binder waits. */
  | { kind: 'external' }
  /** Deletion failed: the volume goes Failed with this message. */
  | { kind: 'failed'; message: string };

/**
 * Deletes the storage of a released volume with policy Delete, as the in-tree plugins can.
 * Models pv_controller.go doDeleteVolume / findDeletablePlugin and hostpath's deleter.
 */
export function deleteVolumeStorage(volume: PersistentVolume): DeleteOutcome {
  const name = volume.metadata?.name ?? '';
  const provisionedBy = volume.metadata?.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  if (provisionedBy) {
    if (!provisionedBy.startsWith('kubernetes.io/') || MIGRATED_TO_CSI[provisionedBy]) return { kind: 'external' };
    if (provisionedBy !== HOST_PATH_PLUGIN) return { kind: 'failed', message: `no volume plugin matched name: ${provisionedBy}` };
  }
  const spec = volume.spec ?? {};
  if (spec.csi) return { kind: 'external' };
  if (spec.hostPath) {
    // The hostPath deleter only removes directories under /tmp (it exists for tests).
    const path = spec.hostPath.path;
    if (/\/tmp\/.+/.test(path)) return { kind: 'deleted' };
    return { kind: 'failed', message: `host_path deleter only supports /tmp/.+ but received provided ${path}` };
  }
  const detail = spec.nfs ? 'no deletable volume plugin matched' : 'no volume plugin matched';
  return { kind: 'failed', message: `error getting deleter volume plugin for volume "${name}": ${detail}` };
}

/** True when an in-tree recycler exists for the volume (hostPath and NFS have one). */
// Models FindRecyclablePluginBySpec.
export function canRecycle(volume: PersistentVolume): boolean {
  return !!(volume.spec?.hostPath || volume.spec?.nfs);
}
