/**
 * The apiserver: storage with resourceVersions, uids, generations, graceful deletion and finalizers; per-kind
 * strategies for defaulting and validation; admission; and watch events for every change.
 * Models staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create, Update, Delete).
 */
import type { KubeObject } from '../api/types';
import type { ResourceType } from '../api/registry';
import { typeForKind, typeForApiVersionKind, apiVersionOf } from '../api/registry';
import { objectKey, toTimestamp, fromTimestamp, deepCopy, jsonEqual } from '../api/meta';
import { randomSuffix, dns1123SubdomainErrors } from '../api/names';
import { matches, type Selector } from '../api/labels';
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { type ApiStatus, type Result, ok, fail, notFound, alreadyExists, conflict, invalid, badRequest, forbidden } from './status';
import { type FieldError, toCauses, required } from './field-errors';
import { strategyFor, type StrategyContext, type Allocators } from './strategy';
import { ObjectStore } from './storage';

/** A change to a stored object. `old` is the previous version (MODIFIED, DELETED). */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  old?: KubeObject;
}

export type WatchHandler = (ev: WatchEvent) => void;

/** A field selector requirement (`status.phase=Running`, `spec.nodeName!=`). */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export interface ListOptions {
  labelSelector?: Selector;
  fieldSelector?: readonly FieldRequirement[];
}

export interface WriteOptions {
  /** Validate and default but store nothing (`--dry-run=server`). */
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Only delete if the stored uid matches (used by controllers to avoid deleting a recreated object). */
  uid?: string;
}

/** Admission: may mutate the object (on create/update) or reject it with an ApiStatus. */
export type AdmissionPlugin = (op: 'CREATE' | 'UPDATE', obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext) => ApiStatus | undefined;

/**
 * Kinds whose strategy keeps a `metadata.generation` (1 on create, +1 on each spec change). Services, Namespaces,
 * Nodes, PVCs, Leases and the like have a spec but no generation.
 * Models the PrepareForCreate/PrepareForUpdate of pkg/registry/{core/pod,core/replicationcontroller,apps/*,batch/*,
 * networking/{ingress,ingressclass,networkpolicy},policy/poddisruptionbudget}/strategy.go.
 */
const GENERATION_KINDS: ReadonlySet<string> = new Set([
  'Pod', 'ReplicationController', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
  'Ingress', 'IngressClass', 'NetworkPolicy', 'PodDisruptionBudget',
]);

function tracksGeneration(obj: KubeObject): boolean {
  return GENERATION_KINDS.has(obj.kind);
}

/** The apiserver of one simulated cluster. */
export class ApiServer {
  readonly store = new ObjectStore();
  private rv = 1000;
  private uidCounter = 0;
  private readonly handlers = new Map<string, WatchHandler[]>();
  private readonly allHandlers: WatchHandler[] = [];
  private readonly admission: AdmissionPlugin[] = [];
  readonly strategyContext: StrategyContext;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    allocators: Allocators,
    private readonly freezeObjects = false,
  ) {
    this.strategyContext = {
      get nowMs() { return clock.nowMs; },
      get: (kind, ns, name) => this.get(kind, ns, name),
      list: (kind, ns) => this.store.list(kind, ns),
      allocators,
    };
  }

  /** Adds an admission plugin; plugins run in registration order after defaulting, before validation. */
  addAdmission(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  /** Subscribes to changes of one kind, or of every kind with '*'. Returns an unsubscribe function. */
  watch(kind: string, handler: WatchHandler): () => void {
    const list = kind === '*' ? this.allHandlers : this.handlers.get(kind) ?? this.handlers.set(kind, []).get(kind)!;
    list.push(handler);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** A stored object, or undefined. */
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.store.get(kind, this.scopeNs(kind, namespace), name) as T | undefined;
  }

  /** Like get, but NotFound as a Result for callers that report it. */
  read<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): Result<T> {
    const obj = this.get<T>(kind, namespace, name);
    return obj ? ok(obj) : fail(notFound(typeForKind(kind)!, name));
  }

  /** Lists objects of a kind, in one namespace or all (namespace undefined), sorted by namespace and name. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string, opts: ListOptions = {}): T[] {
    const items = this.store.list(kind, namespace) as T[];
    if (!opts.labelSelector && !opts.fieldSelector) return items;
    return items.filter(
      (o) =>
        (!opts.labelSelector || matches(opts.labelSelector, o.metadata.labels)) &&
        (!opts.fieldSelector || opts.fieldSelector.every((r) => fieldMatches(o, r))),
    );
  }

  /** Creates an object: fills uid, resourceVersion, creationTimestamp, generateName; defaults, admits, validates. */
  create<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): Result<T> {
    const type = typeForApiVersionKind(input.apiVersion, input.kind) ?? typeForKind(input.kind);
    if (!type) return fail(badRequest(`no kind "${input.kind}" is registered for version "${input.apiVersion}"`));
    const obj = deepCopy(input) as KubeObject;
    obj.apiVersion = apiVersionOf(type);
    obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
    const meta = obj.metadata;
    if (type.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name && !meta.generateName) {
      return fail(invalid(type, '', toCauses([required('metadata.name', 'name or generateName is required')])));
    }
    if (type.namespaced) {
      // NamespaceLifecycle admission runs before validation, and before the name is generated: its errors name
      // the generateName prefix.
      const nsErr = this.checkNamespaceWritable(type, meta.namespace!, meta.name || meta.generateName!);
      if (nsErr) return fail(nsErr);
    }
    if (!meta.name && meta.generateName) meta.name = this.generateName(type, meta.namespace, meta.generateName);

    const strategy = strategyFor(type.kind);
    for (const f of ['uid', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'] as const) delete meta[f];
    meta.creationTimestamp = toTimestamp(this.clock.nowMs);
    // The uid exists before PrepareForCreate, as rest.FillObjectMetaSystemFields sets it (Jobs derive labels from it).
    meta.uid = this.newUid();
    strategy.prepareForCreate?.(obj, this.strategyContext);
    strategy.applyDefaults?.(obj, this.strategyContext);
    for (const plugin of this.admission) {
      const denied = plugin('CREATE', obj, undefined, this.strategyContext);
      if (denied) return fail(denied);
    }
    // ValidateObjectMeta (the name) and the kind's own validation report together, as one Invalid status.
    // Kinds with a strategy validate the name themselves (DNS-1035 for Services, labels for Namespaces, ...).
    const errs = strategy.validate ? strategy.validate(obj, this.strategyContext) : this.nameErrors(meta.name);
    if (errs.length > 0) return fail(invalid(type, meta.name, toCauses(errs)));
    // Storage is last: AlreadyExists only for valid objects.
    if (this.store.get(type.kind, meta.namespace, meta.name)) return fail(alreadyExists(type, meta.name));
    if (opts.dryRun) return ok(this.finish(obj) as T);

    if (tracksGeneration(obj)) meta.generation = 1;
    meta.resourceVersion = String(++this.rv);
    const stored = this.finish(obj);
    this.store.put(stored);
    this.emit({ type: 'ADDED', object: stored });
    return ok(stored as T);
  }

  /**
   * Replaces an object's spec/metadata (status kept when the kind has a status subresource). A set
   * metadata.resourceVersion must match the stored one (optimistic concurrency).
   */
  update<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): Result<T> {
    return this.write(input, 'main', opts) as Result<T>;
  }

  /** Replaces only `.status` (the status subresource). */
  updateStatus<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): Result<T> {
    return this.write(input, 'status', opts) as Result<T>;
  }

  /**
   * Read-modify-write helper for controllers: applies `mutate` to a private copy of the current object and writes
   * it (main resource or status). Returns the stored result, or NotFound.
   */
  mutate<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, mutate: (draft: T) => void, subresource: 'main' | 'status' = 'main'): Result<T> {
    const cur = this.get<T>(kind, namespace, name);
    if (!cur) return fail(notFound(typeForKind(kind)!, name));
    const draft = deepCopy(cur) as T;
    mutate(draft);
    return this.write(draft, subresource, {}, true) as Result<T>;
  }

  /**
   * Deletes an object. Pods bound to a node are deleted gracefully (deletionTimestamp set; the kubelet finishes);
   * objects with finalizers wait for them; propagation policies add the upstream finalizers.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<KubeObject> {
    const type = typeForKind(kind);
    if (!type) return fail(badRequest(`unknown kind ${kind}`));
    const cur = this.get(kind, namespace, name);
    if (!cur) return fail(notFound(type, name));
    if (opts.uid && cur.metadata.uid !== opts.uid) return fail(conflict(type, name, `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${cur.metadata.uid}`));
    if (opts.dryRun) return ok(cur);
    const grace = this.gracePeriod(cur, opts.gracePeriodSeconds);
    const finalizers = [...(cur.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? defaultPropagation(kind);
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

    if (cur.metadata.deletionTimestamp) {
      // Already terminating: a shorter grace period may hurry it along; finalizers still gate removal.
      // Models staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete (the pending-deletion branch).
      const prevGrace = cur.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace < prevGrace) {
        if (grace === 0 && (cur.metadata.finalizers ?? []).length === 0) return this.remove(cur);
        // The new deadline counts from when the deletion started, not from now.
        const startedMs = (fromTimestamp(cur.metadata.deletionTimestamp) ?? this.clock.nowMs) - prevGrace * 1000;
        return this.write({ ...deepCopy(cur), metadata: { ...deepCopy(cur.metadata), deletionGracePeriodSeconds: grace, deletionTimestamp: toTimestamp(startedMs + grace * 1000) } }, 'meta', {});
      }
      return ok(cur);
    }
    const next = deepCopy(cur);
    next.metadata.deletionTimestamp = toTimestamp(this.clock.nowMs + grace * 1000);
    next.metadata.deletionGracePeriodSeconds = grace;
    // Marking an object for deletion is a change its controllers must observe: the generation bumps (if kept).
    if ((next.metadata.generation ?? 0) > 0) next.metadata.generation = next.metadata.generation! + 1;
    if (finalizers.length > 0) next.metadata.finalizers = finalizers;
    if (!this.blocksRemoval(next)) return this.remove(cur);
    if (kind === 'Namespace') next.status = { ...(next.status as object), phase: 'Terminating' };
    return this.write(next, 'meta', {});
  }

  /**
   * The pods/binding subresource: assigns a pod to a node and sets PodScheduled=True in one write, without
   * bumping the pod's generation. Conflict if the pod is already bound.
   * Models pkg/registry/core/pod/storage/storage.go (BindingREST.assignPod, setPodNodeAndMetadata).
   */
  bind(namespace: string, name: string, nodeName: string, uid?: string): Result<KubeObject> {
    const type = typeForKind('Pod')!;
    const cur = this.get('Pod', namespace, name);
    if (!cur || (uid && cur.metadata.uid !== uid)) return fail(notFound(type, name));
    const spec = cur.spec as { nodeName?: string };
    // Failures inside the binding update are reported as conflicts on the pods/binding resource.
    const binding: ResourceType = { ...type, resource: 'pods/binding' };
    if (cur.metadata.deletionTimestamp) return fail(conflict(binding, name, `pod ${name} is being deleted, cannot be assigned to a host`));
    if (spec.nodeName) return fail(conflict(binding, name, `pod ${name} is already assigned to node "${spec.nodeName}"`));
    const next = deepCopy(cur);
    (next.spec as { nodeName?: string }).nodeName = nodeName;
    const status = (next.status ?? {}) as { conditions?: { type: string; status: string; lastProbeTime?: null; lastTransitionTime?: string; reason?: string; message?: string }[] };
    const conds = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    // v1.34 (PodObservedGenerationTracking, beta) stamps conditions with the generation they describe.
    conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: toTimestamp(this.clock.nowMs), observedGeneration: cur.metadata.generation ?? 1 } as (typeof conds)[number]);
    status.conditions = conds;
    next.status = status;
    return this.write(next, 'meta', {});
  }

  /** Removes `finalizer` from an object; removes the object if it was the last one and deletion was requested. */
  removeFinalizer(kind: string, namespace: string | undefined, name: string, finalizer: string): Result<KubeObject> {
    const cur = this.get(kind, namespace, name);
    if (!cur) return fail(notFound(typeForKind(kind)!, name));
    const rest = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const next = deepCopy(cur);
    if (rest.length > 0) next.metadata.finalizers = rest;
    else delete next.metadata.finalizers;
    return this.write(next, 'meta', {});
  }

  // ---------------------------------------------------------------------------------------------------------

  /** `owned`: the caller hands over a private copy, so no defensive copy is needed. */
  private write(input: KubeObject, part: 'main' | 'status' | 'meta', opts: WriteOptions, owned = false): Result<KubeObject> {
    const type = typeForApiVersionKind(input.apiVersion, input.kind) ?? typeForKind(input.kind);
    if (!type) return fail(badRequest(`no kind "${input.kind}" is registered for version "${input.apiVersion}"`));
    const ns = type.namespaced ? input.metadata?.namespace || 'default' : undefined;
    const name = input.metadata?.name;
    if (!name) return fail(invalid(type, '', toCauses([required('metadata.name', 'name or generateName is required')])));
    const cur = this.store.get(type.kind, ns, name);
    if (!cur) return fail(notFound(type, name));
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      return fail(conflict(type, name, 'the object has been modified; please apply your changes to the latest version and try again'));
    }
    if (input.metadata.uid && input.metadata.uid !== cur.metadata.uid) {
      return fail(conflict(type, name, `Precondition failed: UID in precondition: ${input.metadata.uid}, UID in object meta: ${cur.metadata.uid}`));
    }
    const strategy = strategyFor(type.kind);
    let obj: KubeObject;
    if (part === 'status') {
      if (jsonEqual(input.status, cur.status)) return ok(cur);
      // Stored objects are immutable, so the new version shares every unchanged subtree with the old one.
      obj = { ...cur, metadata: { ...cur.metadata } };
      if (input.status !== undefined) obj.status = owned ? input.status : deepCopy(input.status);
      else delete obj.status;
    } else {
      obj = owned ? input : deepCopy(input);
      obj.apiVersion = apiVersionOf(type);
      // Server-owned metadata cannot be changed through an update.
      obj.metadata = {
        ...obj.metadata,
        name,
        uid: cur.metadata.uid,
        creationTimestamp: cur.metadata.creationTimestamp,
        ...(ns ? { namespace: ns } : {}),
      };
      if (part === 'main') {
        if (cur.metadata.deletionTimestamp) {
          obj.metadata.deletionTimestamp = cur.metadata.deletionTimestamp;
          obj.metadata.deletionGracePeriodSeconds = cur.metadata.deletionGracePeriodSeconds;
        } else {
          delete obj.metadata.deletionTimestamp;
          delete obj.metadata.deletionGracePeriodSeconds;
        }
        if (strategy.hasStatusSubresource) {
          if ('status' in cur) obj.status = deepCopy(cur.status);
          else delete obj.status;
        }
        strategy.prepareForUpdate?.(obj, cur, this.strategyContext);
        strategy.applyDefaults?.(obj, this.strategyContext);
        for (const plugin of this.admission) {
          const denied = plugin('UPDATE', obj, cur, this.strategyContext);
          if (denied) return fail(denied);
        }
        const errs: FieldError[] = [
          ...(strategy.validate?.(obj, this.strategyContext) ?? []),
          ...(strategy.validateUpdate?.(obj, cur, this.strategyContext) ?? []),
        ];
        if (errs.length > 0) return fail(invalid(type, name, toCauses(errs)));
      }
    }
    if (tracksGeneration(obj)) {
      // Only a spec change through the main resource bumps the generation; status and server-side metadata
      // writes (bind, finalizers, deletion) carry the generation they were given.
      if (part === 'main') obj.metadata.generation = (cur.metadata.generation ?? 1) + (jsonEqual(obj.spec, cur.spec) ? 0 : 1);
      else obj.metadata.generation = obj.metadata.generation ?? cur.metadata.generation;
    } else delete obj.metadata.generation;
    obj.metadata.resourceVersion = cur.metadata.resourceVersion;
    if (part !== 'status' && jsonEqual(obj, cur)) return ok(cur);
    if (opts.dryRun) return ok(this.finish(obj));
    obj.metadata.resourceVersion = String(++this.rv);
    // A terminating object whose last finalizer is gone and whose grace has elapsed (or is not a pod) is removed.
    if (obj.metadata.deletionTimestamp && !this.blocksRemoval(obj)) {
      return this.remove(obj, cur);
    }
    const stored = this.finish(obj);
    this.store.put(stored);
    this.emit({ type: 'MODIFIED', object: stored, old: cur });
    return ok(stored);
  }

  /**
   * What keeps a terminating object in storage: metadata finalizers; a Namespace's spec.finalizers (the namespace
   * controller empties them); a pod on a node until its kubelet confirms the containers stopped (grace > 0).
   */
  private blocksRemoval(obj: KubeObject): boolean {
    if ((obj.metadata.finalizers ?? []).length > 0) return true;
    if (obj.kind === 'Namespace') return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
    if (obj.kind === 'Pod') return (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
    return false;
  }

  private remove(obj: KubeObject, prev?: KubeObject): Result<KubeObject> {
    const type = typeForKind(obj.kind)!;
    const current = prev ?? obj;
    this.store.delete(type.kind, obj.metadata.namespace, obj.metadata.name);
    const gone = this.finish({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } });
    strategyFor(type.kind).afterDelete?.(gone, this.strategyContext);
    this.emit({ type: 'DELETED', object: gone, old: current });
    return ok(gone);
  }

  /** Models pkg/registry/core/pod/strategy.go CheckGracefulDelete and the generic default grace of 0. */
  private gracePeriod(obj: KubeObject, requested: number | undefined): number {
    if (obj.kind !== 'Pod') return 0;
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const grace = requested ?? spec.terminationGracePeriodSeconds ?? 30;
    // A negative period means one second (kubectl sends none for its default of -1); 0 removes at once.
    return grace < 0 ? 1 : grace;
  }

  private nameErrors(name: string): FieldError[] {
    return dns1123SubdomainErrors(name).map((d) => ({ type: 'Invalid', field: 'metadata.name', value: name, hasValue: true, detail: d }));
  }

  private checkNamespaceWritable(type: ResourceType, ns: string, name: string): ApiStatus | undefined {
    const nsObj = this.store.get('Namespace', undefined, ns);
    if (!nsObj) return notFound(typeForKind('Namespace')!, ns);
    if (nsObj.metadata.deletionTimestamp) {
      return forbidden(type, name, `unable to create new content in namespace ${ns} because it is being terminated`);
    }
    return undefined;
  }

  private generateName(type: ResourceType, ns: string | undefined, prefix: string): string {
    // Models names.SimpleNameGenerator: prefix (truncated to 58) + 5 random characters; retry on collision.
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    for (;;) {
      const name = base + randomSuffix(this.rng);
      if (!this.store.get(type.kind, ns, name)) return name;
    }
  }

  private newUid(): string {
    // A v4-shaped UUID from the seeded stream, so uids are stable across identical runs.
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[this.rng.int(16)]).join('');
    this.uidCounter++;
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.rng.int(4)]}${hex(3)}-${hex(12)}`;
  }

  private finish(obj: KubeObject): KubeObject {
    return this.freezeObjects ? deepFreeze(obj) : obj;
  }

  private emit(ev: WatchEvent): void {
    for (const h of this.handlers.get(ev.object.kind) ?? []) h(ev);
    for (const h of this.allHandlers) h(ev);
  }

  private scopeNs(kind: string, ns: string | undefined): string | undefined {
    const t = typeForKind(kind);
    return t?.namespaced ? ns ?? 'default' : undefined;
  }

  /** A key for an object, for maps outside the store. */
  static keyOf(obj: KubeObject): string {
    return `${obj.kind}/${objectKey(obj.metadata.namespace, obj.metadata.name)}`;
  }
}

function defaultPropagation(kind: string): 'Background' | 'Orphan' {
  // Models the registry's DefaultGarbageCollectionPolicy: background for everything we serve.
  void kind;
  return 'Background';
}

/** Reads a dotted field path (`status.phase`, `metadata.name`) from an object. */
export function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

function fieldMatches(obj: KubeObject, r: FieldRequirement): boolean {
  const v = fieldValue(obj, r.field);
  return r.op === '=' ? v === r.value : v !== r.value;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
