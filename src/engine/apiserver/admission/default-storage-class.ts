/**
 * DefaultStorageClass: a PersistentVolumeClaim that names no class gets the default StorageClass (annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`; the newest one when several are, then by name).
 * Models plugin/pkg/admission/storage/storageclass/setdefault/admission.go and
 * pkg/volume/util (GetDefaultClass).
 */
import type { KubeObject } from '../../api/types';
import { fromTimestamp } from '../../api/meta';
import type { AdmissionPlugin } from '../apiserver';
import type { StrategyContext } from '../strategy';
import { DEFAULT_CLASS_ANNOTATIONS } from '../strategies/storage-class';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The beta annotation that names a claim's class (a claim with it is left alone). */
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetDefaultClass: among classes annotated as default, the newest, ties broken by name. */
export function defaultStorageClass(ctx: StrategyContext): KubeObject | undefined {
  const defaults = ctx.list('StorageClass').filter((sc) => DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true'));
  defaults.sort((a, b) => {
    const ta = fromTimestamp(a.metadata.creationTimestamp) ?? 0;
    const tb = fromTimestamp(b.metadata.creationTimestamp) ?? 0;
    return ta === tb ? (a.metadata.name < b.metadata.name ? -1 : 1) : tb - ta;
  });
  return defaults[0];
}

/** The DefaultStorageClass plugin (claims on create). */
export const defaultStorageClassAdmission: AdmissionPlugin = (op, obj, _old, ctx) => {
  if (op !== 'CREATE' || obj.kind !== 'PersistentVolumeClaim') return undefined;
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return undefined;
  if (obj.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return undefined;
  const sc = defaultStorageClass(ctx);
  if (sc) spec.storageClassName = sc.metadata.name;
  return undefined;
};
