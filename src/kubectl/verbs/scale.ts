/**
 * `kubectl scale`: sets spec.replicas of Deployments, ReplicaSets, StatefulSets and ReplicationControllers
 * (the scale subresource), with the `--current-replicas` precondition.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go.
 */
import { parseSelector, qualifiedKind } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, serverError } from '../errors';
import { parseResourceArgs } from '../resource-args';
import { notFoundStatus } from './common';
import { readManifests } from './manifests';
import { typeForKind } from '../../engine';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
    { name: 'timeout', type: 'string', default: '0s' },
  ],
  run: runScale,
};

function runScale(ctx: CommandContext, args: ParsedArgs): number {
  const replicas = flag.int(args, 'replicas');
  if (!flag.has(args, 'replicas')) throw clientError('required flag(s) "replicas" not set');
  if (replicas < 0) throw clientError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const api = ctx.cluster.api;
  const targets: { kind: string; ns: string; name: string }[] = [];
  const files = flag.arr(args, 'filename');
  if (files.length > 0) {
    for (const d of readManifests(ctx, files, false)) {
      if (d.obj) targets.push({ kind: d.obj.kind, ns: d.obj.metadata.namespace || ctx.namespace, name: d.obj.metadata.name });
    }
  } else {
    if (args.positional.length === 0) throw clientError('resource(s) were provided, but no name was specified');
    for (const req of parseResourceArgs(args.positional)) {
      if (req.names) for (const n of req.names) targets.push({ kind: req.type.kind, ns: ctx.namespace, name: n });
      else {
        const sel = parseSelector(flag.str(args, 'selector'));
        if (!sel.ok) throw clientError(sel.error);
        if (!flag.bool(args, 'all') && !flag.str(args, 'selector')) throw clientError('resource(s) were provided, but no name was specified');
        for (const o of api.list(req.type.kind, ctx.namespace, { labelSelector: sel.selector })) targets.push({ kind: req.type.kind, ns: ctx.namespace, name: o.metadata.name });
      }
    }
  }
  let failed = false;
  for (const t of targets) {
    const type = typeForKind(t.kind)!;
    if (!SCALABLE.has(t.kind)) {
      ctx.out.err(`error: no objects passed to scale ${qualifiedKind(type)} "${t.name}" has no scale subresource\n`);
      failed = true;
      continue;
    }
    const cur = api.get(t.kind, t.ns, t.name);
    if (!cur) {
      ctx.out.err(`${serverError(notFoundStatus(type, t.name))}\n`);
      failed = true;
      continue;
    }
    const current = ((cur.spec as { replicas?: number }).replicas ?? 1);
    const expected = flag.int(args, 'current-replicas');
    if (expected >= 0 && expected !== current) {
      ctx.out.err(`error: Expected replicas to be ${expected}, was ${current}\n`);
      failed = true;
      continue;
    }
    const rv = flag.str(args, 'resource-version');
    if (rv && rv !== cur.metadata.resourceVersion) {
      ctx.out.err(`Error from server (Conflict): Operation cannot be fulfilled on ${type.resource}${type.group ? `.${type.group}` : ''} "${t.name}": the object has been modified; please apply your changes to the latest version and try again\n`);
      failed = true;
      continue;
    }
    const dry = flag.str(args, 'dry-run') !== 'none';
    if (!dry) {
      const r = api.mutate(t.kind, t.ns, t.name, (o) => { (o.spec as { replicas?: number }).replicas = replicas; });
      if (!r.ok) {
        ctx.out.err(`${serverError(r.status)}\n`);
        failed = true;
        continue;
      }
    }
    const name = `${qualifiedKind(type)}/${t.name}`;
    ctx.out.out(flag.str(args, 'output') === 'name' ? `${name}\n` : `${name} scaled${dry ? ' (dry run)' : ''}\n`);
  }
  return failed ? 1 : 0;
}
