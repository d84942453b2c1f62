/**
 * What local-path-provisioner makes of a claim: a hostPath (or `local`) volume in a directory
 * `<base>/<pv>_<namespace>_<claim>` on the node the scheduler picked, pinned there by node affinity.
 * Models rancher/local-path-provisioner provisioner.go (Provision, getPathOnNode) and its config.json
 * (nodePathMap).
 * Divergence: the helper pod that creates and removes the directory is not run; its time is part of the
 * provisioning delay.
 */
import type { HostPathVolumeSource, LocalVolumeSource, Node, PersistentVolume } from 'kubernetes-types/core/v1';
import type { ProvisionRequest, ProvisionResult } from './types';

/** The node label the volume's node affinity uses. */
const KEY_NODE = 'kubernetes.io/hostname';
/** The annotation recording the node a volume was made on. */
export const LOCAL_PATH_SELECTED_NODE_ANNOTATION = 'local.path.provisioner/selected-node';
const DEFAULT_NODE_PATH_KEY = 'DEFAULT_PATH_FOR_NON_LISTED_NODES';
/** local-path-provisioner's own default base directory (kind's ConfigMap sets /var/local-path-provisioner). */
const DEFAULT_BASE_PATH = '/opt/local-path-provisioner';

interface NodePathMap {
  node?: string;
  paths?: string[];
}

/** The base directory for volumes on `node`, read from config.json's nodePathMap (first path of the entry). */
// Models local-path-provisioner getPathOnNode.
export function basePathOnNode(configJson: string | undefined, node: string): string {
  if (!configJson) return DEFAULT_BASE_PATH;
  let cfg: { nodePathMap?: NodePathMap[] };
  try {
    cfg = JSON.parse(configJson) as { nodePathMap?: NodePathMap[] };
  } catch {
    return DEFAULT_BASE_PATH;
  }
  const entries = cfg.nodePathMap ?? [];
  const entry = entries.find((e) => e.node === node) ?? entries.find((e) => e.node === DEFAULT_NODE_PATH_KEY);
  // Divergence: with several paths upstream picks one at random; the first is taken.
  return entry?.paths?.[0] ?? DEFAULT_BASE_PATH;
}

/** Provisions a local-path volume for the claim (see the module comment), or the error upstream returns. */
export function provisionLocalPath(req: ProvisionRequest, selectedNode: Node | undefined, configJson: string | undefined): ProvisionResult {
  const claim = req.claim;
  const sel = claim.spec?.selector;
  if (sel && (Object.keys(sel.matchLabels ?? {}).length > 0 || (sel.matchExpressions ?? []).length > 0)) {
    return { ok: false, error: 'claim.Spec.Selector is not supported', reschedule: false };
  }
  for (const mode of claim.spec?.accessModes ?? []) {
    if (mode !== 'ReadWriteOnce' && mode !== 'ReadWriteOncePod') {
      return { ok: false, error: 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes', reschedule: false };
    }
  }
  if (!selectedNode) return { ok: false, error: 'configuration error, no node was specified', reschedule: true };
  const nodeName = selectedNode.metadata!.name!;
  const hostname = selectedNode.metadata?.labels?.[KEY_NODE] ?? nodeName;
  const folder = [req.pvName, claim.metadata.namespace, claim.metadata.name].join('_');
  const path = `${basePathOnNode(configJson, nodeName).replace(/\/+$/, '')}/${folder}`;
  const volumeType = claim.metadata.annotations?.['volumeType'] ?? req.storageClass.parameters?.['volumeType'] ?? 'hostPath';
  let source: { hostPath: HostPathVolumeSource } | { local: LocalVolumeSource };
  switch (volumeType.toLowerCase()) {
    case 'local':
      source = { local: { path } };
      break;
    case 'hostpath':
      source = { hostPath: { path, type: 'DirectoryOrCreate' } };
      break;
    default:
      return { ok: false, error: `"${volumeType}" is not a recognised volume type`, reschedule: false };
  }
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: req.pvName, annotations: { [LOCAL_PATH_SELECTED_NODE_ANNOTATION]: nodeName } },
    spec: {
      persistentVolumeReclaimPolicy: req.storageClass.reclaimPolicy ?? 'Delete',
      accessModes: [...(claim.spec?.accessModes ?? [])],
      volumeMode: 'Filesystem',
      capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '0' },
      ...source,
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: KEY_NODE, operator: 'In', values: [hostname] }] }] } },
    },
  };
  return { ok: true, volume: pv };
}
