/**
 * What nfs-subdir-external-provisioner makes of a claim: an NFS volume on its export, in the sub-directory
 * `<namespace>-<claim>-<pv>` (or the class's `pathPattern`), sized as requested.
 * Models kubernetes-sigs/nfs-subdir-external-provisioner cmd/nfs-subdir-external-provisioner/provisioner.go
 * (Provision, pvcMetadata.stringParser).
 * Divergence: the directory itself is not created (no NFS data model yet); the volume's name keys its data.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { ProvisionRequest, ProvisionResult } from './types';

/** Expands `${.PVC.namespace}`, `${.PVC.name}`, `${.PVC.labels.<k>}` and `${.PVC.annotations.<k>}`. */
// Models provisioner.go pvcMetadata.stringParser.
export function expandPathPattern(pattern: string, req: ProvisionRequest): string {
  const meta = req.claim.metadata;
  return pattern.replace(/\$\{\.PVC\.([a-z]+)(?:\.([^}]+))?\}/g, (_m, field: string, key: string | undefined) => {
    if (field === 'namespace') return meta.namespace ?? '';
    if (field === 'name') return meta.name;
    if (field === 'labels' && key) return meta.labels?.[key] ?? '';
    if (field === 'annotations' && key) return meta.annotations?.[key] ?? '';
    return '';
  });
}

/** Provisions an NFS sub-directory volume on `server:basePath` for the claim, or the error upstream returns. */
export function provisionNfsSubdir(req: ProvisionRequest, server: string, basePath: string): ProvisionResult {
  const claim = req.claim;
  if (claim.spec?.selector) return { ok: false, error: 'claim Selector is not supported', reschedule: false };
  const dir = [claim.metadata.namespace, claim.metadata.name, req.pvName].join('-');
  const pattern = req.storageClass.parameters?.['pathPattern'];
  const sub = pattern !== undefined ? expandPathPattern(pattern, req) : dir;
  const path = joinPath(basePath, sub);
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: req.pvName },
    spec: {
      persistentVolumeReclaimPolicy: req.storageClass.reclaimPolicy ?? 'Delete',
      accessModes: [...(claim.spec?.accessModes ?? [])],
      ...(req.storageClass.mountOptions?.length ? { mountOptions: [...req.storageClass.mountOptions] } : {}),
      capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '0' },
      nfs: { server, path },
    },
  };
  return { ok: true, volume: pv };
}

/** filepath.Join for absolute POSIX paths: one slash between parts, no trailing slash. */
function joinPath(base: string, sub: string): string {
  const parts = `${base}/${sub}`.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}
