/**
 * ServiceAccount admission: pods run as `default` unless they name an account, the account must exist, and its
 * token is mounted as the projected `kube-api-access-<suffix>` volume at
 * /var/run/secrets/kubernetes.io/serviceaccount in every container; the account's image pull secrets are copied.
 * Models plugin/pkg/admission/serviceaccount/admission.go (Admit, mountServiceAccountToken, TokenVolumeSource).
 */
import { typeForKind } from '../../api/registry';
import { SAFE_ALPHABET, fnv32a } from '../../api/names';
import { forbidden } from '../status';
import type { AdmissionPlugin } from '../apiserver';
import { MIRROR_POD_ANNOTATION } from '../strategies/pod';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The service account pods use when they name none. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';
/** Where the token, CA bundle and namespace file are mounted. */
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The prefix of the projected token volume's name. */
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';

/**
 * The 5-character suffix of the token volume name.
 * Divergence: upstream draws it at random (names.SimpleNameGenerator); admission has no random stream here, so the
 * suffix is the FNV-32a hash of the namespace and pod name spelled in the same safe alphabet. It is stable for a
 * given pod and looks like the real thing (`kube-api-access-7x2kq`).
 */
export function tokenVolumeSuffix(namespace: string, podName: string): string {
  let h = fnv32a(`${namespace}/${podName}`);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
    h = Math.floor(h / SAFE_ALPHABET.length);
  }
  return out;
}

/** TokenVolumeSource: the bound token, the cluster CA and the namespace. */
export function tokenVolumeSource(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  };
}

/** The ServiceAccount plugin (pods on create). */
export const serviceAccountAdmission: AdmissionPlugin = (op, obj, _old, ctx) => {
  if (op !== 'CREATE' || obj.kind !== 'Pod') return undefined;
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  const ns = obj.metadata.namespace ?? 'default';
  const podType = typeForKind('Pod')!;
  if (MIRROR_POD_ANNOTATION in (obj.metadata.annotations ?? {})) {
    if (spec.serviceAccountName) return forbidden(podType, obj.metadata.name, 'a mirror pod may not reference service accounts');
    return undefined;
  }
  if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
  const saName = String(spec.serviceAccountName);
  spec.serviceAccount = saName;
  const sa = ctx.get('ServiceAccount', ns, saName);
  if (!sa) {
    return forbidden(podType, obj.metadata.name, `error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`);
  }
  const automount = typeof spec.automountServiceAccountToken === 'boolean' ? spec.automountServiceAccountToken : typeof sa.automountServiceAccountToken === 'boolean' ? sa.automountServiceAccountToken : true;
  if (automount) mountToken(spec, ns, obj.metadata.name);
  const pullSecrets = Array.isArray(sa.imagePullSecrets) ? sa.imagePullSecrets : [];
  if ((!Array.isArray(spec.imagePullSecrets) || spec.imagePullSecrets.length === 0) && pullSecrets.length > 0) {
    spec.imagePullSecrets = pullSecrets.map((s) => ({ ...(s as Obj) }));
  }
  return undefined;
};

/** mountServiceAccountToken. */
function mountToken(spec: Obj, ns: string, podName: string): void {
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Obj[]) : [];
  const existing = volumes.find((v) => isObj(v) && String(v.name ?? '').startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing ? String(existing.name) : TOKEN_VOLUME_PREFIX + tokenVolumeSuffix(ns, podName);
  let needsVolume = false;
  for (const kind of ['initContainers', 'containers']) {
    for (const c of Array.isArray(spec[kind]) ? (spec[kind] as Obj[]) : []) {
      if (!isObj(c)) continue;
      const mounts = Array.isArray(c.volumeMounts) ? (c.volumeMounts as Obj[]) : [];
      // An existing mount at the token path prevents mounting the token.
      if (mounts.some((m) => isObj(m) && m.mountPath === API_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts = [...mounts, { name: volumeName, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }];
}
