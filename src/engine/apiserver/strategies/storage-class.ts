/**
 * The StorageClass strategy: Delete reclaim policy and Immediate binding by default, ValidateStorageClass
 * (provisioner required and qualified), and the parameters, provisioner, reclaim policy and binding mode that
 * updates may not change.
 * Models pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass and pkg/apis/storage/validation/validation.go.
 */
import { labelKeyError } from '../../api/labels';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField } from './common/errors';
import { semanticEqual } from './common/equality';
import { validateObjectMeta } from './common/meta';

/** The annotation that marks the default StorageClass (and its beta predecessor). */
export const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

const MAX_PARAMETERS = 512;

/** The StorageClass strategy. */
export const storageClassStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    if (!obj.reclaimPolicy) obj.reclaimPolicy = 'Delete';
    if (!obj.volumeBindingMode) obj.volumeBindingMode = 'Immediate';
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const provisioner = typeof obj.provisioner === 'string' ? obj.provisioner : '';
    if (!provisioner) errs.push(required('provisioner'));
    else {
      const msg = labelKeyError(provisioner.toLowerCase());
      if (msg) errs.push(invalidValue('provisioner', provisioner.toLowerCase(), msg));
    }
    const params = obj.parameters && typeof obj.parameters === 'object' ? Object.keys(obj.parameters) : [];
    if (params.length > MAX_PARAMETERS) errs.push({ type: 'TooLong', field: 'parameters', detail: `may not be more than ${MAX_PARAMETERS} bytes` });
    for (const k of params) if (!k) errs.push(invalidValue('parameters', k, 'field can not be empty.'));
    const rp = obj.reclaimPolicy;
    if (rp !== undefined && rp !== 'Delete' && rp !== 'Retain') errs.push(notSupported('reclaimPolicy', rp, ['Delete', 'Retain']));
    const bm = obj.volumeBindingMode;
    if (bm === undefined || bm === null) errs.push(required('volumeBindingMode'));
    else if (bm !== 'Immediate' && bm !== 'WaitForFirstConsumer') errs.push(notSupported('volumeBindingMode', bm, ['Immediate', 'WaitForFirstConsumer']));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    if (!semanticEqual(obj.parameters, old.parameters)) errs.push(forbiddenField('parameters', 'updates to parameters are forbidden.'));
    if (obj.provisioner !== old.provisioner) errs.push(forbiddenField('provisioner', 'updates to provisioner are forbidden.'));
    if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(forbiddenField('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    errs.push(...immutableField(obj.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode'));
    return errs;
  },
};

/** Registers the StorageClass strategy. */
export function registerStorageClassStrategy(): void {
  registerStrategy('StorageClass', storageClassStrategy);
}
