/**
 * The ReplicaSet strategy: replicas default, template defaults, ValidateReplicaSet and the immutable selector.
 * Models pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet, pkg/registry/apps/replicaset/strategy.go and
 * pkg/apis/apps/validation/validation.go ValidateReplicaSetSpec.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import type { FieldError } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableRendered, nonNegative } from './common/errors';
import { goLabelSelector } from './common/go-format';
import { markUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import { invalidSelectorError, validateRequiredSelector, validateTemplateForReplicaSet } from './common/workload';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** ValidateReplicaSetSpec (the empty-selector message says `deployment`, as upstream's does). */
function validateReplicaSetSpec(s: Obj): FieldError[] {
  const sel = s.selector as LabelSelector | undefined;
  return [
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateRequiredSelector(sel, 'spec.selector', 'deployment'),
    ...invalidSelectorError(sel, 'spec.selector', 'invalid label selector'),
    ...validateTemplateForReplicaSet(sel, s.template, 'spec.template'),
  ];
}

/** The ReplicaSet strategy. */
export const replicaSetStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    const s = spec(obj);
    if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
    defaultPodTemplate(s.template ?? (s.template = {}));
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    return dedupe([...validateObjectMeta(obj), ...validateReplicaSetSpec(spec(obj))]);
  },
  validateUpdate(obj, old) {
    return immutableRendered(spec(obj).selector, spec(old).selector, 'spec.selector', (v) => goLabelSelector(v as LabelSelector));
  },
};

/** Registers the ReplicaSet strategy. */
export function registerReplicaSetStrategy(): void {
  registerStrategy('ReplicaSet', replicaSetStrategy);
}
