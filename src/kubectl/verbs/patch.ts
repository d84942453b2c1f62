/**
 * `kubectl patch`: applies a strategic merge (default), JSON merge or JSON patch (`-p` or `--patch-file`, JSON or
 * YAML) to objects named by type and name or `-f`, writes the result with the stored resourceVersion (so a
 * concurrent change is a Conflict), and reports `patched` or `patched (no change)`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go and, for the server side,
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatch, NewGenericServerResponse for
 * failed JSON patches).
 */
import { canonicalJson, deepCopy, jsonMergePatch, jsonPatch, strategicMergePatch, yamlToJson, YamlToJsonError, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { notFoundStatus } from './common';
import { DRY_RUN_FLAG, dryRunStrategy } from './support/dry-run';
import { CHANGE_CAUSE_ANNOTATION, RECORD_FLAG, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { resolveTargets } from './support/targets';
import { clientFailure, statusFailure, throwIfAny, type VerbError } from './support/verb-errors';

/** The three patch types, by their `--type` names. */
export type PatchType = 'json' | 'merge' | 'strategic';

const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic'];

/** Why a patch could not be applied, as the apiserver answers it. */
export interface PatchRefusal {
  reason: string;
  code: number;
  message: string;
  /** The patch library's own explanation, when the message hides it (422 answers). */
  detail?: string;
}

/** Applies a parsed patch of `type` to an object (a copy is returned), or says why it does not apply. */
export function applyPatch(type: PatchType, obj: KubeObject, patch: unknown): { ok: true; obj: KubeObject } | { ok: false; refusal: PatchRefusal } {
  if (type === 'merge') return { ok: true, obj: jsonMergePatch(obj, patch) as KubeObject };
  const r = type === 'json' ? jsonPatch(obj, patch) : strategicMergePatch(obj, patch, obj.kind, obj.apiVersion);
  return r.ok ? { ok: true, obj: r.value as KubeObject } : { ok: false, refusal: r.failure };
}

/** The error kubectl prints for a refused patch (checkErr: a 422 without details is "The request is invalid"). */
function refusalError(r: PatchRefusal): VerbError {
  if (r.reason === 'Invalid') return { kind: 'rendered', text: `The request is invalid: ${r.message}` };
  if (r.reason === 'Unknown') return { kind: 'rendered', text: `Error from server: ${r.message}` };
  return { kind: 'rendered', text: `Error from server (${r.reason}): ${r.message}` };
}

/** Parses patch text (JSON or YAML) as sigs.k8s.io/yaml ToJSON does; throws the message kubectl prints. */
export function parsePatchText(text: string, shownAs: string): unknown {
  try {
    return yamlToJson(text).value ?? null;
  } catch (e) {
    if (!(e instanceof YamlToJsonError)) throw e;
    // ToJSON returns go-yaml's error without the "error converting YAML to JSON" wrapping of yaml.Unmarshal.
    throw clientError(`unable to parse ${JSON.stringify(shownAs)}: ${e.message.replace(/^error converting YAML to JSON: /, '')}`);
  }
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  flags: [
    { name: 'patch', short: 'p', type: 'string', default: '' },
    { name: 'patch-file', type: 'string', default: '' },
    { name: 'type', type: 'string', default: 'strategic' },
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'local', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    RECORD_FLAG,
  ],
  run: runPatch,
};

function runPatch(ctx: CommandContext, args: ParsedArgs): number {
  const changeCause = recordedChangeCause(ctx, args, 'patch');
  const dryRun = dryRunStrategy(ctx, args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  const patchText = flag.str(args, 'patch');
  const patchFile = flag.str(args, 'patch-file');
  const local = flag.bool(args, 'local');
  if (patchText && patchFile) throw clientError('cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw clientError('must specify --patch or --patch-file containing the contents of the patch');
  if (local && args.positional.length > 0) throw clientError('cannot specify --local and server resources');
  if (local && dryRun === 'server') throw clientError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const typeText = flag.str(args, 'type');
  const type = typeText.toLowerCase() as PatchType;
  if (typeText && !PATCH_TYPES.includes(type)) throw clientError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typeText)}`);
  const subresource = flag.str(args, 'subresource');
  if (subresource && subresource !== 'status' && subresource !== 'scale') {
    throw clientError(`invalid subresource value: "${subresource}". Must be one of [status scale]`);
  }
  let raw = patchText;
  if (patchFile) {
    const text = ctx.files.read(patchFile);
    if (text === undefined) throw clientError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    raw = text;
  }
  // Upstream quotes --patch in this message even when the text came from --patch-file.
  const patch = parsePatchText(raw, patchText);

  const visit = resolveTargets(ctx, {
    resources: args.positional,
    filenames: flag.arr(args, 'filename'),
    recursive: flag.bool(args, 'recursive'),
    enforceNamespace: flag.has(args, 'namespace'),
    local,
    latest: false,
  });
  const errors: VerbError[] = [...visit.errors];
  let count = 0;
  for (const t of visit.targets) {
    count++;
    if (!local && dryRun !== 'client') {
      const live = ctx.cluster.api.get(t.type.kind, t.namespace, t.name);
      if (!live) {
        errors.push(statusFailure(notFoundStatus(t.type, t.name)));
        continue;
      }
      const result = serverPatch(ctx, live, type, patch, subresource, dryRun === 'server');
      if ('error' in result) {
        errors.push(result.error);
        continue;
      }
      let patched = result.obj;
      const didPatch = canonicalJson(t.obj) !== canonicalJson(patched);
      if (changeCause !== undefined && patched.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] !== changeCause) {
        const recorded = deepCopy(patched);
        recorded.metadata.annotations = { ...(recorded.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause };
        const r = ctx.cluster.api.update(recorded, { dryRun: dryRun === 'server' });
        if (r.ok) patched = r.value;
      }
      printer.print(patched, didPatch ? 'patched' : 'patched (no change)');
      continue;
    }
    const localResult = applyPatch(type, t.obj, patch);
    if (!localResult.ok) {
      // Models patch.go getPatchedJSON: a JSON patch on a missing key gets kubectl's own wording.
      const detail = localResult.refusal.detail ?? localResult.refusal.message;
      const m = /doc is missing (?:key|path): "?([^":]*)"?/.exec(detail);
      errors.push(clientFailure(m ? `Object to be patched is missing field (${m[1]})` : detail));
      continue;
    }
    const target = localResult.obj;
    printer.print(target, canonicalJson(t.obj) !== canonicalJson(target) ? 'patched' : 'patched (no change)');
  }
  throwIfAny(errors);
  if (count === 0) throw clientError('no objects passed to patch');
  return 0;
}

/** Applies the patch to the live object and writes it, as the apiserver's PATCH handler does. */
function serverPatch(ctx: CommandContext, live: KubeObject, type: PatchType, patch: unknown, subresource: string, dryRun: boolean): { obj: KubeObject } | { error: VerbError } {
  const base: KubeObject = subresource === 'scale' ? scaleOf(live) : live;
  const applied = applyPatch(type, base, patch);
  if (!applied.ok) return { error: refusalError(applied.refusal) };
  let patched = applied.obj;
  if (subresource === 'scale') {
    const replicas = (patched.spec as { replicas?: number } | undefined)?.replicas;
    const next = deepCopy(live);
    (next.spec as { replicas?: number }).replicas = replicas;
    patched = next;
  }
  // The stored resourceVersion goes with the write, so a concurrent change surfaces as a Conflict.
  patched.metadata = { ...patched.metadata, resourceVersion: live.metadata.resourceVersion };
  const r = subresource === 'status' ? ctx.cluster.api.updateStatus(patched, { dryRun }) : ctx.cluster.api.update(patched, { dryRun });
  if (!r.ok) return { error: statusFailure(r.status) };
  return { obj: subresource === 'scale' ? scaleOf(r.value) : r.value };
}

/** The autoscaling/v1 Scale view of a scalable object. */
function scaleOf(obj: KubeObject): KubeObject {
  const spec = obj.spec as { replicas?: number } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: spec?.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0 },
  };
}
