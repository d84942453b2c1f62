/**
 * Resolves the resource arguments of get/describe/delete/label (`pods`, `po web`, `deploy/web`, `deploy,rs`,
 * `all`) to types and names, with kubectl's errors.
 * Models staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs).
 */
import { resolveResource, type ResourceType } from '../engine';
import { clientError } from './errors';

/** One requested type and, optionally, specific names of it. */
export interface ResourceRequest {
  type: ResourceType;
  /** Undefined means "all objects of the type". */
  names?: string[];
  /** True when this type came from expanding a category (`all`). */
  fromCategory: boolean;
}

/** The order `kubectl get all` expands the `all` category in. */
const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** Looks up one type name, throwing kubectl's error when the server does not have it. */
export function lookupType(name: string): ResourceType {
  const t = resolveResource(name);
  if (!t || t.kind === 'Binding') throw clientError(`the server doesn't have a resource type "${name}"`);
  return t;
}

/** Parses positional resource arguments into requests (in the order given). */
export function parseResourceArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw clientError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typeName = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!typeName || !name) throw clientError(`arguments in resource/name form must have a single resource and name`);
      const type = lookupType(typeName);
      const prev = out.find((r) => r.type === type);
      if (prev) prev.names!.push(name);
      else out.push({ type, names: [name], fromCategory: false });
    }
    return out;
  }
  const [typeArg, ...names] = args;
  const types: { type: ResourceType; fromCategory: boolean }[] = [];
  for (const part of typeArg!.split(',').filter((p) => p !== '')) {
    if (part === 'all') {
      for (const r of ALL_CATEGORY) types.push({ type: lookupType(r), fromCategory: true });
      continue;
    }
    types.push({ type: lookupType(part), fromCategory: false });
  }
  const unique = types.filter((t, i) => types.findIndex((u) => u.type === t.type) === i);
  if (names.length > 0 && unique.length > 1) {
    // kubectl allows `get deploy,svc web` (same name for each type).
    return unique.map((t) => ({ ...t, names: [...names] }));
  }
  return unique.map((t) => ({ ...t, ...(names.length ? { names: [...names] } : {}) }));
}
