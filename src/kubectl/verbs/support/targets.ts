/**
 * Which objects a verb acts on, resolved as kubectl's resource builder does for label, annotate, patch, set,
 * expose, taint: `TYPE NAME...`, `TYPE/NAME...`, `-f FILE` (re-read from the server), `-l`/`--all`/`-A` over the
 * given types. Structural mistakes throw (the builder's Err()); per-object failures (NotFound, bad documents) are
 * collected so the verb can go on with the rest (ContinueOnError) and print them last.
 * Models staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (visitorResult, visitByPaths, visitBySelector,
 * visitByResource, visitByName) and visitor.go (RequireNamespace, RetrieveLatest).
 */
import { matches, parseSelector, typeForKind, type FieldRequirement, type KubeObject, type ResourceType, type Selector } from '../../../engine';
import type { CommandContext } from '../../context';
import { clientError, KubectlError } from '../../errors';
import { lookupType, parseResourceArgs } from '../../resource-args';
import { notFoundStatus } from '../common';
import { readManifests } from '../manifests';
import { clientFailure, statusFailure, type VerbError } from './verb-errors';

/** How the objects were named on the command line. */
export interface TargetOptions {
  /** Resource arguments (`pods web`, `deploy/web`), already separated from key=value pairs. */
  resources: readonly string[];
  filenames?: readonly string[];
  recursive?: boolean;
  /** `-l` */
  selector?: string;
  fieldSelector?: readonly FieldRequirement[];
  /** `--all` */
  all?: boolean;
  /** `-A` */
  allNamespaces?: boolean;
  /** True when `-n` was given: objects from files must then be in that namespace. */
  enforceNamespace?: boolean;
  /** `--local`: act on the objects of the files as written, without reading the server. */
  local?: boolean;
  /** False to use objects from `-f` files as written instead of re-reading them (the builder without Latest()). */
  latest?: boolean;
}

/** One object to act on, as the server has it now. */
export interface Target {
  type: ResourceType;
  /** Namespace for namespaced types, undefined for cluster-scoped ones. */
  namespace: string | undefined;
  name: string;
  obj: KubeObject;
  /** The manifest it was named in (`-f`), for messages. */
  source?: string;
}

/** The objects found, the per-object failures, and whether the arguments named exactly one object. */
export interface TargetVisit {
  targets: Target[];
  errors: VerbError[];
  singleItemImplied: boolean;
}

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** Resolves the objects a verb acts on. Throws KubectlError for argument errors the builder reports up front. */
export function resolveTargets(ctx: CommandContext, opts: TargetOptions): TargetVisit {
  const files = opts.filenames ?? [];
  if (opts.local) {
    if (opts.resources.length > 0) throw clientError('can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
    if (files.length === 0) throw clientError('one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
    return visitFiles(ctx, files, opts);
  }
  const useSelector = opts.all || !!opts.selector || (opts.fieldSelector?.length ?? 0) > 0;
  const parsed = splitResourceArgs(opts.resources);
  if (files.length > 0) {
    if (parsed.types.length > 0 && parsed.names.length === 0 && parsed.tuples.length === 0) {
      throw clientError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    }
    if (parsed.names.length > 0) throw clientError('name cannot be provided when a path is specified');
    if (parsed.tuples.length > 0) throw clientError('resource/name arguments cannot be provided when a path is specified');
    return visitFiles(ctx, files, opts);
  }
  if (useSelector) {
    if (parsed.names.length > 0) throw clientError('name cannot be provided when a selector is specified');
    if (parsed.tuples.length > 0) throw clientError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (parsed.types.length === 0) throw clientError('at least one resource must be specified to use a selector');
    return visitSelector(ctx, parsed.types, opts);
  }
  if (parsed.tuples.length > 0) {
    return visitNamed(ctx, parsed.tuples, parsed.tuples.length === 1);
  }
  if (parsed.names.length > 0) {
    if (parsed.types.length > 1) throw clientError('you must specify only one resource');
    const type = parsed.types[0]!;
    return visitNamed(ctx, parsed.names.map((name) => ({ type, name })), parsed.names.length === 1);
  }
  if (parsed.types.length > 0) throw clientError('resource(s) were provided, but no name was specified');
  throw new KubectlError(`error: ${MISSING_RESOURCE}`);
}

interface ParsedResourceArgs {
  types: ResourceType[];
  names: string[];
  tuples: { type: ResourceType; name: string }[];
}

function splitResourceArgs(args: readonly string[]): ParsedResourceArgs {
  if (args.length === 0) return { types: [], names: [], tuples: [] };
  if (args.some((a) => a.includes('/'))) {
    const tuples: { type: ResourceType; name: string }[] = [];
    // parseResourceArgs validates the TYPE/NAME form and resolves the types with kubectl's errors.
    parseResourceArgs(args);
    for (const a of args) {
      const i = a.indexOf('/');
      tuples.push({ type: lookupType(a.slice(0, i)), name: a.slice(i + 1) });
    }
    return { types: [], names: [], tuples };
  }
  const [typeArg, ...names] = args;
  const types = parseResourceArgs([typeArg!]).map((r) => r.type);
  return { types, names, tuples: [] };
}

function visitNamed(ctx: CommandContext, items: { type: ResourceType; name: string }[], single: boolean): TargetVisit {
  const targets: Target[] = [];
  const errors: VerbError[] = [];
  for (const { type, name } of items) {
    const namespace = type.namespaced ? ctx.namespace : undefined;
    const obj = ctx.cluster.api.get(type.kind, namespace, name);
    if (obj) targets.push({ type, namespace, name, obj });
    else errors.push(statusFailure(notFoundStatus(type, name)));
  }
  return { targets, errors, singleItemImplied: single };
}

function visitSelector(ctx: CommandContext, types: ResourceType[], opts: TargetOptions): TargetVisit {
  const sel = parseSelector(opts.all && !opts.selector ? '' : opts.selector ?? '');
  if (!sel.ok) throw clientError(sel.error);
  const targets: Target[] = [];
  for (const type of types) {
    const namespace = type.namespaced && !opts.allNamespaces ? ctx.namespace : undefined;
    const listOpts = { labelSelector: sel.selector, ...(opts.fieldSelector?.length ? { fieldSelector: opts.fieldSelector } : {}) };
    for (const obj of ctx.cluster.api.list(type.kind, namespace, listOpts)) {
      targets.push({ type, namespace: type.namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name, obj });
    }
  }
  return { targets, errors: [], singleItemImplied: false };
}

function visitFiles(ctx: CommandContext, files: readonly string[], opts: TargetOptions): TargetVisit {
  const docs = readManifests(ctx, files, opts.recursive ?? false);
  const targets: Target[] = [];
  const errors: VerbError[] = [];
  let labelFilter: Selector | undefined;
  if (opts.selector) {
    const parsed = parseSelector(opts.selector);
    if (!parsed.ok) throw clientError(`the provided selector "${opts.selector}" is not valid: ${parsed.error}`);
    labelFilter = parsed.selector;
  }
  for (const doc of docs) {
    if (doc.error) {
      errors.push({ kind: 'rendered', text: doc.error });
      continue;
    }
    const local = doc.obj!;
    const type = typeForKind(local.kind);
    if (!type) {
      errors.push(clientFailure(`resource mapping not found for name: "${local.metadata?.name ?? ''}" namespace: "${local.metadata?.namespace ?? ''}" from "${doc.source}": no matches for kind "${local.kind}" in version "${local.apiVersion}"\nensure CRDs are installed first`));
      continue;
    }
    let namespace: string | undefined;
    if (type.namespaced) {
      namespace = local.metadata.namespace || ctx.namespace;
      if (opts.enforceNamespace && local.metadata.namespace && local.metadata.namespace !== ctx.namespace) {
        errors.push(clientFailure(`the namespace from the provided object "${local.metadata.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${local.metadata.namespace}' to perform this operation.`));
        continue;
      }
    }
    const name = local.metadata.name;
    const obj = opts.local || opts.latest === false ? { ...local, metadata: { ...local.metadata, ...(namespace ? { namespace } : {}) } } : ctx.cluster.api.get(type.kind, namespace, name);
    if (!obj) {
      errors.push(statusFailure(notFoundStatus(type, name)));
      continue;
    }
    if (labelFilter && !matches(labelFilter, obj.metadata.labels)) continue;
    targets.push({ type, namespace, name, obj, source: doc.source });
  }
  const single = files.length === 1 && !ctx.files.list(files[0]!) && files[0] !== '-' && docs.length === 1;
  return { targets, errors, singleItemImplied: single };
}
