/**
 * The small objects of `kubectl create namespace|serviceaccount|priorityclass|quota`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go, create_serviceaccount.go,
 * create_priorityclass.go and create_quota.go (populateResourceListV1, parseScopes).
 */
import { canonicalQuantity, parseQty, type KubeObject } from '../../../engine';
import { GeneratorError } from './errors';

/** The Namespace of `kubectl create namespace` (its empty spec and status structs included). */
export function generateNamespace(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} };
}

/** The ServiceAccount of `kubectl create serviceaccount`. */
export function generateServiceAccount(name: string, namespace: string | undefined): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}) } };
}

/** Options of `kubectl create priorityclass`. */
export interface PriorityClassOptions {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

/** The PriorityClass of `kubectl create priorityclass` (preemptionPolicy is a pointer: always written). */
export function generatePriorityClass(o: PriorityClassOptions): KubeObject {
  return {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name: o.name },
    value: o.value,
    ...(o.globalDefault ? { globalDefault: true } : {}),
    ...(o.description ? { description: o.description } : {}),
    preemptionPolicy: o.preemptionPolicy,
  };
}

/** Parses `cpu=1,memory=1Gi` into canonical quantities (undefined for an empty spec). */
export function parseResourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new GeneratorError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    if (!parseQty(parts[1]!) || /^\s|\s$/.test(parts[1]!)) throw new GeneratorError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    out[parts[0]!] = canonicalQuantity(parts[1]!);
  }
  return out;
}

/** The ResourceQuota of `kubectl create quota`. */
export function generateQuota(name: string, namespace: string | undefined, hard: string, scopes: string): KubeObject {
  const hardList = parseResourceList(hard);
  let scopeList: string[] | undefined;
  if (scopes !== '') {
    scopeList = scopes.split(',');
    if (scopeList.some((s) => s === '')) throw new GeneratorError('invalid resource quota scope ""');
  }
  return {
    kind: 'ResourceQuota',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { ...(hardList ? { hard: hardList } : {}), ...(scopeList ? { scopes: scopeList } : {}) },
    status: {},
  };
}
