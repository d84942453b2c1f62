/**
 * `kubectl apply -f`: client-side apply. New objects are created with the last-applied-configuration annotation;
 * existing ones get the three-way patch between that annotation, the manifest and the live object, so fields
 * set by others (`kubectl scale`) survive unless the manifest sets them. Each document succeeds or fails alone.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go and patcher.go.
 */
import { typeForKind, type ApiStatus, type KubeObject } from '../../engine';
import { applyThreeWayPatch, lastAppliedAnnotationValue, LAST_APPLIED_ANNOTATION } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, renderStatus, serverError, withSource, KubectlError } from '../errors';
import { nameOf, parseOutputFormat, printGroups } from '../output/print';
import { readManifests } from './manifests';

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
    { name: 'record', type: 'bool' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'prune', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
  ],
  run: runApply,
};

/** Outcome of one document, printed in order. */
type Outcome = { ok: true; line: string; obj: KubeObject } | { ok: false; status?: ApiStatus; text?: string };

function runApply(ctx: CommandContext, args: ParsedArgs): number {
  const files = flag.arr(args, 'filename');
  if (files.length === 0) throw new KubectlError("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
  const dryRun = parseDryRun(ctx, flag.str(args, 'dry-run'));
  const format = flag.str(args, 'output');
  const outFormat = format && format !== 'name' ? parseOutputFormat(format) : undefined;
  if (flag.bool(args, 'record')) ctx.out.err('Flag --record has been deprecated, --record will be removed in the future\n');
  const errors: Outcome[] = [];
  const printed: KubeObject[] = [];
  // Position of each document within its file, so a host can place a failure on the document's lines.
  const docIndex = new Map<string, number>();
  for (const doc of readManifests(ctx, files, flag.bool(args, 'recursive'))) {
    const index = docIndex.get(doc.source) ?? 0;
    docIndex.set(doc.source, index + 1);
    const outcome = applyOne(ctx, doc.obj, doc.source, doc.error, doc.badRequest, dryRun, flag.bool(args, 'record'), args);
    if (!outcome.ok) {
      errors.push(outcome);
      ctx.report?.({ source: doc.source, index, ...(outcome.status ? { status: outcome.status } : {}), ...(outcome.text !== undefined ? { error: outcome.text } : {}) });
      continue;
    }
    if (outFormat) printed.push(outcome.obj);
    else ctx.out.out(format === 'name' ? `${nameOf(outcome.obj)}\n` : `${outcome.line}\n`);
  }
  if (outFormat && printed.length > 0) {
    ctx.out.out(printGroups([printed], outFormat, { nowMs: ctx.cluster.nowMs, withNamespace: false, withKind: false, noHeaders: false, showLabels: false, labelColumns: [] }, printed.length === 1));
  }
  if (errors.length === 0) return 0;
  // One error prints in checkErr's special forms; several print one line each (MultipleErrors).
  if (errors.length === 1) {
    const e = errors[0] as Extract<Outcome, { ok: false }>;
    ctx.out.err(`${e.status ? renderStatus(e.status) : e.text}\n`);
  } else {
    for (const e of errors as Extract<Outcome, { ok: false }>[]) ctx.out.err(`${e.status ? serverError(e.status) : e.text}\n`);
  }
  return 1;
}

type DryRun = 'none' | 'client' | 'server';

/** Parses `--dry-run`, accepting the deprecated bare form with kubectl's warning. */
export function parseDryRun(ctx: CommandContext, v: string): DryRun {
  if (v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'server') return v;
  if (v === 'unchanged' || v === 'true') {
    ctx.out.err('W0000 00:00:00.000000       1 helpers.go:710] --dry-run is deprecated and can be replaced with --dry-run=client.\n');
    return 'client';
  }
  throw clientError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

function applyOne(ctx: CommandContext, obj: KubeObject | undefined, source: string, decodeError: string | undefined, badRequest: string | undefined, dryRun: DryRun, record: boolean, args: ParsedArgs): Outcome {
  if (decodeError) return { ok: false, text: decodeError };
  const api = ctx.cluster.api;
  const type = typeForKind(obj!.kind)!;
  const manifest = obj!;
  const ns = type.namespaced ? manifest.metadata?.namespace || ctx.namespace : undefined;
  if (type.namespaced && manifest.metadata?.namespace && flag.has(args, 'namespace') && manifest.metadata.namespace !== ctx.namespace) {
    return { ok: false, text: `error: the namespace from the provided object "${manifest.metadata.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${manifest.metadata.namespace}' to perform this operation.` };
  }
  // Models applyOneObject: a nameless object cannot be looked up (the REST client refuses an empty name).
  if (!manifest.metadata?.name) {
    const generateName = manifest.metadata?.generateName;
    if (generateName) return { ok: false, text: `error: from ${generateName}: cannot use generate name with apply` };
    return { ok: false, text: `error: error when retrieving current configuration of:\n${infoString(manifest, ns ?? '')}\nfrom server for: "${source}": resource name may not be empty` };
  }
  const live = api.get(type.kind, ns, manifest.metadata.name);
  if (live && live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) {
    // Models applyOneObject's warningNoLastAppliedConfigAnnotation (objects made by `create` without --save-config).
    ctx.out.err(
      `Warning: resource ${type.resource}/${live.metadata.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  if (badRequest) {
    return { ok: false, status: withSource({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400, message: badRequest }, live ? 'patching' : 'creating', source) };
  }
  const modified: KubeObject = { ...manifest, metadata: { ...manifest.metadata, ...(ns ? { namespace: ns } : {}) } };
  if (record) {
    modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), 'kubernetes.io/change-cause': `kubectl apply --filename=${source} --record=true` };
  }
  // The annotation stores the manifest as applied (without itself), so the next apply can compute deletions.
  const annotated: KubeObject = {
    ...modified,
    metadata: { ...modified.metadata, annotations: { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastAppliedAnnotationValue(modified) } },
  };
  if (!live) {
    const r = api.create(annotated, { dryRun: dryRun !== 'none' });
    if (!r.ok) return { ok: false, status: withSource(r.status, 'creating', source) };
    return { ok: true, obj: r.value, line: `${nameOf(r.value)} created${dryRunSuffix(dryRun)}` };
  }
  const next = applyThreeWayPatch(live, annotated);
  if (next.error !== undefined) {
    const detail = typeof next.error === 'string' ? next.error : next.error.message;
    return { ok: false, text: `error: error when applying patch:\n\nto:\n${infoString(live, live.metadata.namespace ?? '')}\nfor: "${source}": ${detail}` };
  }
  if (!next.changed) return { ok: true, obj: live, line: `${nameOf(live)} unchanged${dryRunSuffix(dryRun)}` };
  const r = api.update(next.object, { dryRun: dryRun !== 'none' });
  if (!r.ok) return { ok: false, status: withSource(r.status, 'patching', source) };
  return { ok: true, obj: r.value, line: `${nameOf(r.value)} configured${dryRunSuffix(dryRun)}` };
}

/** resource.Info.String(): the REST mapping, then name and namespace, as kubectl's apply errors quote them. */
function infoString(obj: KubeObject, namespace: string): string {
  const type = typeForKind(obj.kind)!;
  // GroupVersionResource.String() and GroupVersionKind.String() both write `<group>/<version>`, `/v1` for core.
  const gvr = `${type.group}/${type.version}, Resource=${type.resource}`;
  const gvk = `${type.group}/${type.version}, Kind=${obj.kind}`;
  return `Resource: "${gvr}", GroupVersionKind: "${gvk}"\nName: "${obj.metadata?.name ?? ''}", Namespace: "${namespace}"`;
}

function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
