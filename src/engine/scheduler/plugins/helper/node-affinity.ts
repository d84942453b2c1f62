/**
 * Node selector and node affinity matching.
 * Models staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
 * (RequiredNodeAffinity, LazyErrorNodeSelector, PreferredSchedulingTerms).
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, PreferredSchedulingTerm, Pod } from 'kubernetes-types/core/v1';
import { matches, type Requirement, type Labels } from '../../../api/labels';
import type { NodeObject } from '../../framework/node-info';

/** A parsed NodeSelectorTerm; `invalid` terms (bad operator or values) never match. */
interface ParsedTerm {
  labels: Requirement[] | null;
  fields: { op: 'In' | 'NotIn'; value: string }[] | null;
  invalid: boolean;
}

const INT_RE = /^[+-]?\d+$/;

function parseExpressions(reqs: readonly NodeSelectorRequirement[]): Requirement[] | null {
  const out: Requirement[] = [];
  for (const r of reqs) {
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return null;
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return null;
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1 || !INT_RE.test(values[0]!)) return null;
        break;
      default:
        return null;
    }
    out.push({ key: r.key, op: r.operator as Requirement['op'], values: [...values] });
  }
  return out;
}

function parseFields(reqs: readonly NodeSelectorRequirement[]): ParsedTerm['fields'] {
  const out: { op: 'In' | 'NotIn'; value: string }[] = [];
  for (const r of reqs) {
    if ((r.values ?? []).length !== 1 || r.key !== 'metadata.name') return null;
    if (r.operator !== 'In' && r.operator !== 'NotIn') return null;
    out.push({ op: r.operator, value: r.values![0]! });
  }
  return out;
}

function isEmptyTerm(t: NodeSelectorTerm | undefined): boolean {
  return !t || ((t.matchExpressions?.length ?? 0) === 0 && (t.matchFields?.length ?? 0) === 0);
}

function parseTerm(t: NodeSelectorTerm): ParsedTerm {
  let invalid = false;
  let labels: Requirement[] | null = null;
  let fields: ParsedTerm['fields'] = null;
  if (t.matchExpressions?.length) {
    labels = parseExpressions(t.matchExpressions);
    if (!labels) invalid = true;
  }
  if (t.matchFields?.length) {
    fields = parseFields(t.matchFields);
    if (!fields) invalid = true;
  }
  return { labels, fields, invalid };
}

function termMatches(t: ParsedTerm, nodeLabels: Labels, nodeName: string): boolean {
  if (t.invalid) return false;
  if (t.labels && !matches(t.labels, nodeLabels)) return false;
  if (t.fields && nodeName !== '') {
    for (const f of t.fields) if ((f.op === 'In') !== (nodeName === f.value)) return false;
  }
  return true;
}

/** Models LazyErrorNodeSelector: ORed terms; empty terms are dropped and select nothing. */
export class NodeSelectorMatcher {
  private readonly terms: ParsedTerm[];

  constructor(terms: readonly NodeSelectorTerm[]) {
    this.terms = terms.filter((t) => !isEmptyTerm(t)).map(parseTerm);
  }

  match(node: NodeObject): boolean {
    const labels = node.metadata.labels;
    for (const t of this.terms) if (termMatches(t, labels, node.metadata.name)) return true;
    return false;
  }
}

/** Models RequiredNodeAffinity: the pod's nodeSelector AND its required node affinity. */
export class RequiredNodeAffinity {
  private readonly selector: Requirement[] | null;
  private readonly required: NodeSelectorMatcher | null;

  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector;
    this.selector = ns && Object.keys(ns).length > 0 ? Object.keys(ns).map((k) => ({ key: k, op: '=' as const, values: [ns[k]!] })) : null;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.required = req ? new NodeSelectorMatcher(req.nodeSelectorTerms ?? []) : null;
  }

  /** True when the pod has neither a nodeSelector nor required node affinity. */
  get isEmpty(): boolean {
    return this.selector === null && this.required === null;
  }

  match(node: NodeObject): boolean {
    if (this.selector && !matches(this.selector, node.metadata.labels)) return false;
    if (this.required && !this.required.match(node)) return false;
    return true;
  }
}

/** Models PreferredSchedulingTerms: the sum of the weights of the terms a node matches. */
export class PreferredSchedulingTerms {
  private readonly terms: { term: ParsedTerm; weight: number }[];

  constructor(terms: readonly PreferredSchedulingTerm[]) {
    this.terms = terms.filter((t) => t.weight !== 0 && !isEmptyTerm(t.preference)).map((t) => ({ term: parseTerm(t.preference), weight: t.weight }));
  }

  get isEmpty(): boolean {
    return this.terms.length === 0;
  }

  score(node: NodeObject): number {
    let s = 0;
    for (const t of this.terms) if (termMatches(t.term, node.metadata.labels, node.metadata.name)) s += t.weight;
    return s;
  }
}
