/**
 * A pod parsed once for the scheduler: requests, host ports, images and pod (anti-)affinity terms, so plugins
 * never re-parse quantities or selectors in the hot loop.
 * Models pkg/scheduler/framework/types.go (PodInfo, AffinityTerm, CalculateResource).
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { fromLabelSelector, matches, type Labels, type Selector } from '../../api/labels';
import { fromTimestamp } from '../../api/meta';
import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, Resource, podRequests, type ResourceList } from './resource';

/** A pod as stored: a KubeObject with the Pod shape. */
export type PodObject = KubeObject & Pod;

/** A processed PodAffinityTerm. `null` selectors select nothing; empty ones select everything. */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly selector: Selector | null;
  readonly topologyKey: string;
  readonly namespaceSelector: Selector | null;
}

/** A processed WeightedPodAffinityTerm. */
export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** A host port a container asks for. */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/**
 * True when `pod` (in its namespace, whose labels are `nsLabels`) is selected by the term.
 * Models AffinityTerm.Matches.
 */
export function termMatches(term: AffinityTerm, podNamespace: string, podLabels: Labels, nsLabels: Labels): boolean {
  if (term.namespaces.has(podNamespace) || (term.namespaceSelector !== null && matches(term.namespaceSelector, nsLabels))) {
    return term.selector !== null && matches(term.selector, podLabels);
  }
  return false;
}

function newAffinityTerm(podNamespace: string, t: PodAffinityTerm): AffinityTerm {
  // Models getNamespacesFromPodAffinityTerm: no namespaces and no selector means the pod's own namespace.
  const namespaces = new Set<string>(!t.namespaces?.length && !t.namespaceSelector ? [podNamespace] : t.namespaces ?? []);
  return {
    namespaces,
    selector: fromLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey,
    namespaceSelector: fromLabelSelector(t.namespaceSelector),
  };
}

function weighted(podNamespace: string, terms: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((w) => ({ ...newAffinityTerm(podNamespace, w.podAffinityTerm), weight: w.weight }));
}

/** Models imagelocality normalizedImageName: an image without a tag gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

const NON_MISSING: ResourceList = new Map([
  ['cpu', DEFAULT_MILLI_CPU_REQUEST],
  ['memory', DEFAULT_MEMORY_REQUEST],
]);

/** The scheduler's parsed view of one pod version. */
export class PodInfo {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  /** `namespace/name`. */
  readonly key: string;
  /** Requests as the Fit filter counts them. */
  readonly requests: Resource;
  /** Requests with 100m / 200Mi for containers that name no cpu / memory (scoring only). */
  readonly nonZeroCPU: number;
  readonly nonZeroMemory: number;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  readonly hostPorts: readonly HostPort[];
  /** Normalized image names of init containers then containers (duplicates kept, as upstream sums them). */
  readonly images: readonly string[];

  private constructor(
    readonly pod: PodObject,
    parsed: PodInfo | undefined,
  ) {
    const meta = pod.metadata;
    this.uid = meta.uid ?? `${meta.namespace}/${meta.name}`;
    this.namespace = meta.namespace ?? 'default';
    this.name = meta.name;
    this.key = `${this.namespace}/${this.name}`;
    if (parsed) {
      // Same spec (generation unchanged): reuse the parsed parts, only the object reference moves on.
      this.requests = parsed.requests;
      this.nonZeroCPU = parsed.nonZeroCPU;
      this.nonZeroMemory = parsed.nonZeroMemory;
      this.requiredAffinityTerms = parsed.requiredAffinityTerms;
      this.requiredAntiAffinityTerms = parsed.requiredAntiAffinityTerms;
      this.preferredAffinityTerms = parsed.preferredAffinityTerms;
      this.preferredAntiAffinityTerms = parsed.preferredAntiAffinityTerms;
      this.hostPorts = parsed.hostPorts;
      this.images = parsed.images;
      return;
    }
    // Models PodInfo.CalculateResource.
    const requests = podRequests(pod);
    this.requests = Resource.from(requests);
    const hasPodLevel = !!(pod.spec as { resources?: { requests?: object } } | undefined)?.resources?.requests;
    let nonMissing = NON_MISSING;
    if (hasPodLevel) {
      nonMissing = new Map();
      if (!requests.has('cpu')) nonMissing.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
      if (!requests.has('memory')) nonMissing.set('memory', DEFAULT_MEMORY_REQUEST);
    }
    const nonZero = nonMissing.size > 0 ? podRequests(pod, { nonMissing }) : requests;
    this.nonZeroCPU = nonZero.get('cpu') ?? 0;
    this.nonZeroMemory = nonZero.get('memory') ?? 0;

    const aff = pod.spec?.affinity;
    this.requiredAffinityTerms = (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(this.namespace, t));
    this.requiredAntiAffinityTerms = (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(this.namespace, t));
    this.preferredAffinityTerms = weighted(this.namespace, aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms = weighted(this.namespace, aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);

    const ports: HostPort[] = [];
    const images: string[] = [];
    for (const c of pod.spec?.initContainers ?? []) {
      if (c.image) images.push(normalizedImageName(c.image));
      // Sidecars (restartable init containers) hold their host ports for the pod's life.
      if (c.restartPolicy === 'Always') collectPorts(c.ports, ports);
    }
    for (const c of pod.spec?.containers ?? []) {
      if (c.image) images.push(normalizedImageName(c.image));
      collectPorts(c.ports, ports);
    }
    this.hostPorts = ports;
    this.images = images;
  }

  /** Parses `pod`; `previous` (the same pod's earlier version) is reused when the spec did not change. */
  static of(pod: PodObject, previous?: PodInfo): PodInfo {
    const reuse = previous && previous.pod.metadata.generation !== undefined && previous.pod.metadata.generation === pod.metadata.generation && previous.pod.metadata.uid === pod.metadata.uid;
    return new PodInfo(pod, reuse ? previous : undefined);
  }

  get labels(): Labels {
    return this.pod.metadata.labels;
  }

  /** spec.priority, 0 when unset (the Priority admission plugin resolves priorityClassName into it). */
  get priority(): number {
    return this.pod.spec?.priority ?? 0;
  }

  get tolerations(): readonly Toleration[] {
    return this.pod.spec?.tolerations ?? NO_TOLERATIONS;
  }

  get nodeName(): string {
    return this.pod.spec?.nodeName ?? '';
  }

  get isTerminating(): boolean {
    return !!this.pod.metadata.deletionTimestamp;
  }

  /** True when the pod has any pod affinity or anti-affinity term. */
  get hasAffinity(): boolean {
    return this.requiredAffinityTerms.length > 0 || this.requiredAntiAffinityTerms.length > 0 || this.preferredAffinityTerms.length > 0 || this.preferredAntiAffinityTerms.length > 0;
  }

  get hasRequiredAntiAffinity(): boolean {
    return this.requiredAntiAffinityTerms.length > 0;
  }

  /** status.startTime in ms, or undefined for pods that have not started. */
  get startTimeMs(): number | undefined {
    return fromTimestamp((this.pod.status as { startTime?: string } | undefined)?.startTime);
  }
}

const NO_TOLERATIONS: readonly Toleration[] = [];

function collectPorts(ports: readonly { hostPort?: number; hostIP?: string; protocol?: string }[] | undefined, out: HostPort[]): void {
  for (const p of ports ?? []) {
    if (!p.hostPort || p.hostPort <= 0) continue;
    out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  }
}
