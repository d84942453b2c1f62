/**
 * Defaults for pod specs, in Pods and in the pod templates of workloads.
 * Models pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
 * SetDefaults_Volume, ...) and the v1 conversion of the deprecated `serviceAccount` field.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Every volume source field of a v1 Volume; a volume with none of them becomes an emptyDir. */
export const VOLUME_SOURCE_FIELDS = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume',
  'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

/** ProjectedVolumeSourceDefaultMode / SecretVolumeSourceDefaultMode / ConfigMapVolumeSourceDefaultMode (0644). */
const DEFAULT_MODE = 420;

/**
 * The image tag as ParseImageName reads it: `latest` when neither a tag nor a digest is given, `` for a digest
 * without a tag. A registry port (`registry.local:5000/app`) is not a tag.
 */
export function imageTag(image: string): string {
  let ref = image;
  const at = ref.indexOf('@');
  const hasDigest = at >= 0;
  if (hasDigest) ref = ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return ref.slice(colon + 1);
  return hasDigest ? '' : 'latest';
}

/** Models SetDefaults_Container's pull policy: tag `latest` (explicit or implied) -> Always, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHTTPGet(h: unknown): void {
  if (!isObj(h)) return;
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHTTPGet(p.httpGet);
}

function defaultFieldRef(ref: unknown): void {
  if (isObj(ref) && !ref.apiVersion) ref.apiVersion = 'v1';
}

/** Models SetDefaults_Container plus the defaulters of its nested types. */
export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(String(c.image ?? ''));
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  // ResourceRequirements is a struct, so it always serializes (`resources: {}`).
  if (!isObj(c.resources)) c.resources = {};
  for (const p of objects(c.ports)) if (!p.protocol) p.protocol = 'TCP';
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  if (isObj(c.lifecycle)) {
    for (const h of ['postStart', 'preStop']) {
      const handler = c.lifecycle[h];
      if (isObj(handler)) defaultHTTPGet(handler.httpGet);
    }
  }
  for (const e of objects(c.env)) if (isObj(e.valueFrom)) defaultFieldRef(e.valueFrom.fieldRef);
}

/** Models SetDefaults_Volume and the defaulters of the common volume sources. */
export function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCE_FIELDS.some((f) => v[f] !== undefined && v[f] !== null)) v.emptyDir = {};
  for (const src of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const s = v[src];
    if (isObj(s) && s.defaultMode === undefined) s.defaultMode = DEFAULT_MODE;
  }
  if (isObj(v.hostPath) && v.hostPath.type === undefined) v.hostPath.type = '';
  if (isObj(v.downwardAPI)) for (const item of objects(v.downwardAPI.items)) defaultFieldRef(item.fieldRef);
  if (isObj(v.projected)) {
    for (const source of objects(v.projected.sources)) {
      if (isObj(source.downwardAPI)) for (const item of objects(source.downwardAPI.items)) defaultFieldRef(item.fieldRef);
      if (isObj(source.serviceAccountToken) && source.serviceAccountToken.expirationSeconds === undefined) {
        source.serviceAccountToken.expirationSeconds = 3600;
      }
    }
  }
}

/** Where a pod spec lives: a Pod gets a few more defaults than a pod template. */
export interface PodSpecDefaultsOptions {
  isPod: boolean;
}

/** Copies limits into missing requests (SetDefaults_Pod: Pods only, not templates). */
function requestsFromLimits(c: Obj): void {
  const res = c.resources as Obj;
  if (!isObj(res.limits)) return;
  const requests = isObj(res.requests) ? res.requests : (res.requests = {});
  for (const [k, v] of Object.entries(res.limits)) if (!(k in requests)) requests[k] = v;
}

/** Applies every pod-spec default to `spec` in place. */
export function defaultPodSpec(spec: Obj, opts: PodSpecDefaultsOptions): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  // v1 conversion: the deprecated serviceAccount mirrors serviceAccountName and fills it when it is empty.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  const all = [...objects(spec.containers), ...objects(spec.initContainers)];
  for (const c of all) defaultContainer(c);
  for (const v of objects(spec.volumes)) defaultVolume(v);
  if (opts.isPod) {
    if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
    for (const c of all) requestsFromLimits(c);
    // With hostNetwork the host port is the container port (defaultHostNetworkPorts).
    if (spec.hostNetwork === true) {
      for (const c of all) for (const p of objects(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

/** Applies pod-template defaults to a `{metadata, spec}` template in place. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObj(template)) return;
  if (!isObj(template.spec)) template.spec = {};
  defaultPodSpec(template.spec as Obj, { isPod: false });
}
