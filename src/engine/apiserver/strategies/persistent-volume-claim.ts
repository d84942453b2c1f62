/**
 * The PersistentVolumeClaim strategy: Filesystem default, Pending phase, ValidatePersistentVolumeClaim (access
 * modes, a positive storage request) and the update rule that only storage requests of bound claims (and the
 * volume name, once) may change.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim,
 * pkg/registry/core/persistentvolumeclaim/strategy.go and pkg/apis/core/validation/validation.go
 * ValidatePersistentVolumeClaimSpec / ValidatePersistentVolumeClaimUpdate.
 */
import type { KubeObject } from '../../api/types';
import { dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField, keyPath } from './common/errors';
import { structDiff } from './common/diff';
import { semanticEqual } from './common/equality';
import { markUpdate } from './common/operation';
import { validateLabelSelector, validateObjectMeta } from './common/meta';
import { canonicalQuantity, parseQty, qtyCmp } from './common/quantity';
import { validateAccessModes } from './persistent-volume';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : {});
const requests = (s: Obj): Obj => (isObj(s.resources) && isObj(s.resources.requests) ? s.resources.requests : {});

/** ValidatePersistentVolumeClaimSpec; also used for claim templates. */
export function validateClaimSpec(s: Obj, field: string): FieldError[] {
  const errs = validateAccessModes(s.accessModes, `${field}.accessModes`, 'at least 1 access mode is required');
  if (isObj(s.selector)) errs.push(...validateLabelSelector(s.selector as never, `${field}.selector`));
  const storagePath = keyPath(`${field}.resources`, 'storage');
  const req = requests(s);
  if (!('storage' in req)) {
    errs.push(required(storagePath));
  } else {
    const q = parseQty(req.storage);
    if (q && q.nanos <= 0n) errs.push(invalidValue(storagePath, canonicalQuantity(req.storage), 'must be greater than zero'));
  }
  if (typeof s.storageClassName === 'string' && s.storageClassName) {
    errs.push(...dns1123SubdomainErrors(s.storageClassName).map((m) => invalidValue(`${field}.storageClassName`, s.storageClassName, m)));
  }
  if (s.volumeMode && !['Block', 'Filesystem'].includes(String(s.volumeMode))) errs.push(notSupported(`${field}.volumeMode`, s.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

/** The PersistentVolumeClaim strategy. */
export const persistentVolumeClaimStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    const s = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    if (!s.volumeMode) s.volumeMode = 'Filesystem';
    const status = isObj(obj.status) ? obj.status : (obj.status = {});
    if (!status.phase) status.phase = 'Pending';
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    return dedupe([...validateObjectMeta(obj), ...validateClaimSpec(spec(obj), 'spec')]);
  },
  validateUpdate(obj, old) {
    const n = spec(obj);
    const o = spec(old);
    const errs: FieldError[] = [];
    const nClone: Obj = JSON.parse(JSON.stringify(n));
    const oClone: Obj = JSON.parse(JSON.stringify(o));
    // The binder sets volumeName once; a storage class may be set on a claim that had none.
    if (!o.volumeName) oClone.volumeName = nClone.volumeName;
    if (o.storageClassName === undefined && n.storageClassName !== undefined) oClone.storageClassName = nClone.storageClassName;
    const bound = isObj(obj.status) && obj.status.phase === 'Bound';
    if (bound && isObj(nClone.resources) && isObj(nClone.resources.requests)) nClone.resources.requests.storage = requests(o).storage;
    nClone.volumeAttributesClassName = oClone.volumeAttributesClassName;
    if (!semanticEqual(nClone, oClone)) {
      errs.push(forbiddenField('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${structDiff('core.PersistentVolumeClaimSpec', oClone, nClone)}`));
    }
    const newSize = parseQty(requests(n).storage);
    const oldSize = parseQty(requests(o).storage);
    const statusCap = isObj(old.status) && isObj(old.status.capacity) ? parseQty(old.status.capacity.storage) : undefined;
    if (newSize && oldSize && qtyCmp(newSize, oldSize) < 0 && (!statusCap || qtyCmp(newSize, statusCap) <= 0)) {
      errs.push(forbiddenField('spec.resources.requests.storage', 'field can not be less than status.capacity'));
    }
    errs.push(...immutableField(n.volumeMode, o.volumeMode, 'volumeMode'));
    return errs;
  },
};

/** Registers the PersistentVolumeClaim strategy. */
export function registerPersistentVolumeClaimStrategy(): void {
  registerStrategy('PersistentVolumeClaim', persistentVolumeClaimStrategy);
}
