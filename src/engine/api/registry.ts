/**
 * The kind registry: every resource the cluster serves, with its group/version, plural, short names, scope and
 * categories. It answers "what does `kubectl get deploy` mean" and "is apps/v1beta1 still served".
 * Models the discovery documents of a v1.34 apiserver.
 */

/** One served resource. */
export interface ResourceType {
  kind: string;
  group: string;
  version: string;
  /** Plural lower-case name (`deployments`). */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** `all` puts the resource in `kubectl get all`. */
  categories: string[];
  verbs: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(kind: string, group: string, version: string, resource: string, shortNames: string[], namespaced: boolean, categories: string[] = [], verbs = RW): ResourceType {
  return { kind, group, version, resource, singular: kind.toLowerCase(), shortNames, namespaced, categories, verbs };
}

/** Every resource type the cluster serves, in `kubectl api-resources` order (by group, then name). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  r('Binding', '', 'v1', 'bindings', [], true, [], ['create']),
  r('ComponentStatus', '', 'v1', 'componentstatuses', ['cs'], false, [], ['get', 'list']),
  r('ConfigMap', '', 'v1', 'configmaps', ['cm'], true),
  r('Endpoints', '', 'v1', 'endpoints', ['ep'], true),
  r('Event', '', 'v1', 'events', ['ev'], true),
  r('LimitRange', '', 'v1', 'limitranges', ['limits'], true),
  r('Namespace', '', 'v1', 'namespaces', ['ns'], false, [], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('Node', '', 'v1', 'nodes', ['no'], false),
  r('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', ['pvc'], true),
  r('PersistentVolume', '', 'v1', 'persistentvolumes', ['pv'], false),
  r('Pod', '', 'v1', 'pods', ['po'], true, ['all']),
  r('PodTemplate', '', 'v1', 'podtemplates', [], true),
  r('ReplicationController', '', 'v1', 'replicationcontrollers', ['rc'], true, ['all']),
  r('ResourceQuota', '', 'v1', 'resourcequotas', ['quota'], true),
  r('Secret', '', 'v1', 'secrets', [], true),
  r('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true),
  r('Service', '', 'v1', 'services', ['svc'], true, ['all']),
  r('ControllerRevision', 'apps', 'v1', 'controllerrevisions', [], true),
  r('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true, ['all']),
  r('Deployment', 'apps', 'v1', 'deployments', ['deploy'], true, ['all']),
  r('ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true, ['all']),
  r('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true, ['all']),
  r('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', ['hpa'], true, ['all']),
  r('CronJob', 'batch', 'v1', 'cronjobs', ['cj'], true, ['all']),
  r('Job', 'batch', 'v1', 'jobs', [], true, ['all']),
  r('Lease', 'coordination.k8s.io', 'v1', 'leases', [], true),
  r('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true),
  r('Event', 'events.k8s.io', 'v1', 'events', ['ev'], true),
  r('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', [], false),
  r('Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true),
  r('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true),
  r('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', ['pdb'], true),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', [], false),
  r('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', [], false),
  r('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', [], true),
  r('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', [], true),
  r('PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', ['pc'], false),
  r('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', ['sc'], false),
];

/** apiVersion string of a type (`v1`, `apps/v1`). */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployments.apps` — the qualified name kubectl prints in messages. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `deployment.apps` — the prefix of `kubectl get -o name` and of `created` lines. */
export function qualifiedKind(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

/** Versions a v1.34 apiserver still serves besides the preferred one (served, converted to the preferred). */
const EXTRA_SERVED: Record<string, string[]> = {
  'autoscaling/HorizontalPodAutoscaler': ['v1'],
};

/**
 * Looks up a type by apiVersion + kind, as the apiserver does for a manifest. Returns undefined for kinds or
 * versions that are not served (`extensions/v1beta1` Deployments, `batch/v1beta1` CronJobs).
 */
export function typeForApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) as [string, string] : ['', apiVersion];
  // `events.k8s.io` Events and core Events are one kind with two groups; the core one is stored.
  return RESOURCE_TYPES.find(
    (t) => t.kind === kind && t.group === group && (t.version === version || (EXTRA_SERVED[`${group}/${kind}`] ?? []).includes(version)),
  );
}

/** The preferred type of a kind (core Event over events.k8s.io). */
export function typeForKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}

/**
 * Resolves what a user typed (`po`, `pods`, `pod`, `deployments.apps`, `deploy.apps`, `Deployment`) to a type.
 * Core group wins over events.k8s.io, as kubectl's RESTMapper prefers.
 */
export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  const candidates = RESOURCE_TYPES.filter(
    (t) => t.resource === base || t.singular === base || t.shortNames.includes(base) || t.kind.toLowerCase() === base,
  );
  if (group === undefined) return candidates[0];
  return candidates.find((t) => t.group === group || `${t.version}.${t.group}` === group);
}
