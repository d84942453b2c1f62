/**
 * `kubectl delete`: by type and name, `-l`, `--all`, or `-f`; graceful by default, `--now`, `--grace-period`,
 * `--force`; cascade policies; waits for the objects to be gone like kubectl's default `--wait=true`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go.
 */
import { parseSelector, typeForKind, type KubeObject, type ResourceType } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, serverError, KubectlError } from '../errors';
import { parseResourceArgs } from '../resource-args';
import { readManifests } from './manifests';
import { notFoundStatus } from './common';
import { advanceUntil } from '../wait';
import { parseFieldSelector } from './get';

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'timeout', type: 'string', default: '0s' },
  ],
  run: runDelete,
};

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
}

function runDelete(ctx: CommandContext, args: ParsedArgs): number {
  const api = ctx.cluster.api;
  const files = flag.arr(args, 'filename');
  const selector = flag.str(args, 'selector');
  const all = flag.bool(args, 'all');
  const allNs = flag.bool(args, 'all-namespaces');
  let grace = flag.int(args, 'grace-period');
  const force = flag.bool(args, 'force');
  if (flag.bool(args, 'now')) {
    if (grace !== -1) throw clientError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (force && grace === -1) grace = 0;
  if (grace === 0 && !force) grace = 1; // kubectl turns a 0 grace period into 1 unless --force is given.
  const cascade = parseCascade(ctx, flag.str(args, 'cascade'));
  const dryRun = flag.str(args, 'dry-run');
  const isDryRun = dryRun === 'client' || dryRun === 'server' || dryRun === 'unchanged';

  const targets: Target[] = [];
  const errors: string[] = [];
  if (files.length > 0) {
    if (args.positional.length > 0) throw clientError('resource(s) were provided, but no name was specified');
    for (const doc of readManifests(ctx, files, flag.bool(args, 'recursive'))) {
      if (doc.error) {
        errors.push(doc.error);
        continue;
      }
      const obj = doc.obj!;
      const type = typeForKind(obj.kind)!;
      targets.push({ type, namespace: type.namespaced ? obj.metadata.namespace || ctx.namespace : undefined, name: obj.metadata.name });
    }
  } else {
    if (args.positional.length === 0) {
      throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    }
    const requests = parseResourceArgs(args.positional);
    for (const req of requests) {
      const ns = req.type.namespaced ? (allNs ? undefined : ctx.namespace) : undefined;
      if (req.names) {
        if (all || selector) throw clientError(`name cannot be provided when a selector is specified`);
        for (const name of req.names) targets.push({ type: req.type, namespace: req.type.namespaced ? ctx.namespace : undefined, name });
        continue;
      }
      const fieldSelector = flag.str(args, 'field-selector');
      if (!all && !selector && !fieldSelector) throw clientError(`resource(s) were provided, but no name was specified`);
      const sel = parseSelector(selector);
      if (!sel.ok) throw clientError(sel.error);
      const items = api.list(req.type.kind, ns, { labelSelector: sel.selector, fieldSelector: parseFieldSelector(fieldSelector) });
      if (items.length === 0 && requests.length === 1) {
        ctx.out.err(`No resources found\n`);
      }
      for (const o of items) targets.push({ type: req.type, namespace: o.metadata.namespace, name: o.metadata.name });
    }
  }

  if (force && grace === 0) ctx.out.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const deleted: { t: Target; uid: string }[] = [];
  for (const t of targets) {
    const r = api.delete(t.type.kind, t.namespace, t.name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      propagationPolicy: cascade,
      dryRun: isDryRun,
    });
    if (!r.ok) {
      if (r.status.reason === 'NotFound' && flag.bool(args, 'ignore-not-found')) continue;
      errors.push(serverError(r.status.reason === 'NotFound' ? notFoundStatus(t.type, t.name) : r.status));
      continue;
    }
    deleted.push({ t, uid: r.value.metadata.uid! });
    const output = flag.str(args, 'output');
    if (output === 'name') {
      ctx.out.out(`${kindPrefix(t.type)}/${t.name}\n`);
    } else {
      const verb = force && grace === 0 ? 'force deleted' : 'deleted';
      const where = t.type.namespaced ? ` from ${t.namespace} namespace` : '';
      const suffix = dryRun === 'server' ? ' (server dry run)' : isDryRun ? ' (dry run)' : '';
      ctx.out.out(`${kindPrefix(t.type)} "${t.name}" ${verb}${where}${suffix}\n`);
    }
  }
  if (flag.bool(args, 'wait') && !isDryRun && deleted.length > 0) {
    const gone = (d: { t: Target; uid: string }) => {
      const o: KubeObject | undefined = api.get(d.t.type.kind, d.t.namespace, d.t.name);
      return !o || o.metadata.uid !== d.uid;
    };
    advanceUntil(ctx.cluster, () => deleted.every(gone), waitTimeoutMs(flag.str(args, 'timeout')));
  }
  for (const e of errors) ctx.out.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

function waitTimeoutMs(text: string): number {
  const m = /^(\d+)(s|m|h)?$/.exec(text);
  const n = m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : m[2] === 'h' ? 3_600_000 : 1000) : 0;
  // kubectl's default (0) means "a week"; a simulated wait stops once every object is gone anyway.
  return n > 0 ? n : 7 * 24 * 3_600_000;
}

function kindPrefix(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

function parseCascade(ctx: CommandContext, v: string): 'Background' | 'Foreground' | 'Orphan' {
  switch (v) {
    case 'background':
    case 'true':
      if (v === 'true') ctx.out.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'false':
      ctx.out.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw clientError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
}
