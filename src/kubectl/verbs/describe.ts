/**
 * `kubectl describe`: detailed text for objects by name, name prefix, selector or type.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (prefix matching, blank-line separation).
 */
import { parseSelector, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, serverError, KubectlError } from '../errors';
import { parseResourceArgs } from '../resource-args';
import { describe as describeObject, type DescribeContext } from '../describe';
import { notFoundStatus } from './common';

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run: runDescribe,
};

/** The read-only view of the cluster describers get. */
export function describeContext(ctx: CommandContext, showEvents: boolean): DescribeContext {
  const api = ctx.cluster.api;
  return {
    nowMs: ctx.cluster.nowMs,
    showEvents,
    get: (kind, ns, name) => api.get(kind, ns, name),
    list: (kind, ns) => api.list(kind, ns),
    eventsFor: (obj) => api.list('Event', obj.metadata.namespace || 'default').filter((e) => (e.involvedObject as { uid?: string } | undefined)?.uid === obj.metadata.uid),
  };
}

function runDescribe(ctx: CommandContext, args: ParsedArgs): number {
  if (args.positional.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples');
  }
  const api = ctx.cluster.api;
  const allNs = flag.bool(args, 'all-namespaces');
  const sel = parseSelector(flag.str(args, 'selector'));
  if (!sel.ok) throw clientError(sel.error);
  const dctx = describeContext(ctx, flag.bool(args, 'show-events'));
  const found: KubeObject[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  for (const req of parseResourceArgs(args.positional)) {
    const ns = req.type.namespaced ? (allNs ? undefined : ctx.namespace) : undefined;
    if (!req.names) {
      const items = api.list(req.type.kind, ns, { labelSelector: sel.selector });
      if (items.length === 0) notices.push(ns ? `No resources found in ${ns} namespace.` : 'No resources found');
      found.push(...items);
      continue;
    }
    for (const name of req.names) {
      const exact = api.get(req.type.kind, req.type.namespaced ? ctx.namespace : undefined, name);
      if (exact) {
        found.push(exact);
        continue;
      }
      // describe falls back to every object whose name starts with the argument.
      const prefixed = api.list(req.type.kind, req.type.namespaced ? ctx.namespace : undefined).filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length > 0) found.push(...prefixed);
      else errors.push(serverError(notFoundStatus(req.type, name)));
    }
  }
  ctx.out.out(found.map((o) => describeObject(o, dctx)).join('\n\n'));
  for (const n of notices) ctx.out.err(`${n}\n`);
  for (const e of errors) ctx.out.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}
