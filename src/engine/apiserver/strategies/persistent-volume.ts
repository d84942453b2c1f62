/**
 * The PersistentVolume strategy: Retain/Filesystem defaults, Pending phase with its transition time on create,
 * ValidatePersistentVolume (access modes, storage capacity, exactly one volume source, reclaim policy) and the
 * immutable volume source.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume, pkg/registry/core/persistentvolume/strategy.go
 * and pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec / ValidatePersistentVolumeUpdate.
 */
import type { KubeObject } from '../../api/types';
import { toTimestamp } from '../../api/meta';
import { dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField, keyPath } from './common/errors';
import { structDiff } from './common/diff';
import { semanticEqual } from './common/equality';
import { markUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { canonicalQuantity, parseQty } from './common/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : {});

/** Access modes, in the sorted order upstream lists them. */
export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** The fields of a PersistentVolumeSource. */
const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs',
  'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
];

/** The access-mode checks shared by volumes and claims. */
export function validateAccessModes(modes: unknown, field: string, requiredDetail: string): FieldError[] {
  const list = Array.isArray(modes) ? modes.map(String) : [];
  const errs: FieldError[] = [];
  if (list.length === 0) errs.push(required(field, requiredDetail));
  let rwop = false;
  let other = false;
  for (const m of list) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(field, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbiddenField(field, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function validateSource(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const f of PV_SOURCES) {
    const src = s[f];
    if (src === undefined || src === null) continue;
    if (count > 0) {
      errs.push(forbiddenField(`spec.${f}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const v = isObj(src) ? src : {};
    if (f === 'hostPath' && !v.path) errs.push(required('spec.hostPath.path'));
    if (f === 'nfs') {
      if (!v.server) errs.push(required('spec.nfs.server'));
      if (!v.path) errs.push(required('spec.nfs.path'));
      if (!String(v.path ?? '').startsWith('/')) errs.push(invalidValue('spec.nfs.path', String(v.path ?? ''), 'must be an absolute path'));
    }
    if (f === 'local') {
      if (!v.path) errs.push(required('spec.local.path'));
      if (!isObj(s.nodeAffinity)) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
    }
    if (f === 'csi') {
      if (!v.driver) errs.push(required('spec.csi.driver'));
      if (!v.volumeHandle) errs.push(required('spec.csi.volumeHandle'));
    }
  }
  if (count === 0) errs.push(required('spec', 'must specify a volume type'));
  return errs;
}

/** The PersistentVolume strategy. */
export const persistentVolumeStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    const s = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    if (!s.persistentVolumeReclaimPolicy) s.persistentVolumeReclaimPolicy = 'Retain';
    if (!s.volumeMode) s.volumeMode = 'Filesystem';
    const status = isObj(obj.status) ? obj.status : (obj.status = {});
    if (!status.phase) status.phase = 'Pending';
  },
  prepareForCreate(obj, ctx) {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: toTimestamp(ctx.nowMs) };
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    const s = spec(obj);
    const errs = validateObjectMeta(obj);
    errs.push(...validateAccessModes(s.accessModes, 'spec.accessModes', ''));
    const cap = isObj(s.capacity) ? s.capacity : {};
    if (Object.keys(cap).length === 0) errs.push(required('spec.capacity'));
    if (!('storage' in cap) || Object.keys(cap).length > 1) {
      // Upstream prints the whole core.ResourceList as the value; only the supported values are shown here.
      errs.push({ type: 'NotSupported', field: 'spec.capacity', supported: ['storage'] });
    }
    for (const k of Object.keys(cap).sort()) {
      const q = parseQty(cap[k]);
      if (q && q.nanos <= 0n) errs.push(invalidValue(keyPath('spec.capacity', k), canonicalQuantity(cap[k]), 'must be greater than zero'));
    }
    const rp = s.persistentVolumeReclaimPolicy;
    if (rp && !['Delete', 'Recycle', 'Retain'].includes(String(rp))) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp, ['Delete', 'Recycle', 'Retain']));
    errs.push(...validateSource(s));
    if (typeof s.storageClassName === 'string' && s.storageClassName) {
      errs.push(...dns1123SubdomainErrors(s.storageClassName).map((m) => invalidValue('spec.storageClassName', s.storageClassName, m)));
    }
    if (s.volumeMode && !['Block', 'Filesystem'].includes(String(s.volumeMode))) errs.push(notSupported('spec.volumeMode', s.volumeMode, ['Block', 'Filesystem']));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const n = spec(obj);
    const o = spec(old);
    const pick = (s: Obj) => Object.fromEntries(PV_SOURCES.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
    const errs: FieldError[] = [];
    if (!semanticEqual(pick(n), pick(o))) {
      errs.push(forbiddenField('spec.persistentvolumesource', `spec.persistentvolumesource is immutable after creation\n${structDiff('core.PersistentVolumeSource', pick(o), pick(n))}`));
    }
    errs.push(...immutableField(n.volumeMode, o.volumeMode, 'volumeMode'));
    if (o.nodeAffinity !== undefined && !semanticEqual(n.nodeAffinity, o.nodeAffinity)) {
      errs.push(invalidValue('nodeAffinity', null, 'field is immutable'));
    }
    return errs;
  },
};

/** Registers the PersistentVolume strategy. */
export function registerPersistentVolumeStrategy(): void {
  registerStrategy('PersistentVolume', persistentVolumeStrategy);
}
