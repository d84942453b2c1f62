/**
 * `kubectl get`: lists or fetches objects and prints them as tables, names, YAML, JSON, JSONPath or custom columns.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Run: one table per resource type, "No resources found").
 */
import { fieldValue, parseSelector, type FieldRequirement, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, serverError, KubectlError } from '../errors';
import { parseResourceArgs } from '../resource-args';
import { parseOutputFormat, printGroups } from '../output/print';
import { noResourcesMessage } from '../printers/table';
import { renderJsonPath } from '../printers/jsonpath';
import { notFoundStatus } from './common';

/** Parses `--field-selector` (`status.phase=Running,spec.nodeName!=x`). */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text) return [];
  return text.split(',').map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) throw clientError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! };
  });
}

/** Field selectors the apiserver supports per kind (others are rejected as upstream does). */
const FIELD_LABELS: Record<string, string[]> = {
  Pod: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Secret: ['metadata.name', 'metadata.namespace', 'type'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  Job: ['metadata.name', 'metadata.namespace', 'status.successful'],
};

function checkFieldSelector(kind: string, reqs: FieldRequirement[]): void {
  const allowed = FIELD_LABELS[kind] ?? ['metadata.name', 'metadata.namespace'];
  for (const r of reqs) {
    if (!allowed.includes(r.field)) {
      throw new KubectlError(`Error from server (BadRequest): Unable to find "${kind === 'Pod' ? '/v1, Resource=pods' : kind}" that match label selector "", field selector "${r.field}${r.op}${r.value}": field label not supported: ${r.field}`);
    }
  }
}

/** Sorts by a JSONPath expression as `--sort-by` does (numbers numerically, others as strings). */
function sortBy(objects: KubeObject[], expr: string): KubeObject[] {
  const template = expr.startsWith('{') ? expr : `{${expr.startsWith('.') ? expr : `.${expr}`}}`;
  const keyed = objects.map((o) => {
    let v: string;
    try {
      v = renderJsonPath(template, o);
    } catch {
      throw clientError(`couldn't find any field with path "${expr}" in the list of objects`);
    }
    return { o, v };
  });
  const numeric = keyed.every((k) => k.v === '' || /^-?\d+(\.\d+)?$/.test(k.v));
  keyed.sort((a, b) => (numeric ? Number(a.v || 0) - Number(b.v || 0) : a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  return keyed.map((k) => k.o);
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringArray', default: [] },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  ],
  run: runGet,
};

function runGet(ctx: CommandContext, args: ParsedArgs): number {
  const format = parseOutputFormat(flag.str(args, 'output'));
  if (args.positional.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const requests = parseResourceArgs(args.positional);
  const allNs = flag.bool(args, 'all-namespaces');
  const labelSel = flag.str(args, 'selector');
  const parsedSel = parseSelector(labelSel);
  if (!parsedSel.ok) throw clientError(parsedSel.error);
  const fieldSel = parseFieldSelector(flag.str(args, 'field-selector'));
  const api = ctx.cluster.api;
  const groups: KubeObject[][] = [];
  const errors: string[] = [];
  let namedRequest = false;
  for (const req of requests) {
    checkFieldSelector(req.type.kind, fieldSel);
    const ns = req.type.namespaced ? (allNs ? undefined : ctx.namespace) : undefined;
    let items: KubeObject[];
    if (req.names) {
      namedRequest = true;
      items = [];
      for (const name of req.names) {
        const obj = api.get(req.type.kind, ns ?? ctx.namespace, name);
        if (obj) items.push(obj);
        else if (!flag.bool(args, 'ignore-not-found')) errors.push(serverError(notFoundStatus(req.type, name)));
      }
    } else {
      items = api.list(req.type.kind, ns, { labelSelector: parsedSel.selector, fieldSelector: fieldSel });
    }
    const sortExpr = flag.str(args, 'sort-by');
    if (sortExpr) items = sortBy(items, sortExpr);
    groups.push(items);
  }
  const total = groups.reduce((n, g) => n + g.length, 0);
  const multiType = requests.length > 1 || flag.bool(args, 'show-kind');
  const singleItem = requests.length === 1 && requests[0]!.names?.length === 1;
  if (total > 0 || format.kind !== 'table') {
    if (total > 0 || (format.kind !== 'name' && !namedRequest)) {
      const text = printGroups(groups, format, {
        nowMs: ctx.cluster.nowMs,
        withNamespace: allNs,
        withKind: multiType,
        noHeaders: flag.bool(args, 'no-headers'),
        showLabels: flag.bool(args, 'show-labels'),
        labelColumns: flag.arr(args, 'label-columns').flatMap((c) => c.split(',')),
      }, singleItem);
      ctx.out.out(text);
    }
  }
  if (total === 0 && errors.length === 0 && format.kind === 'table' && !namedRequest) {
    ctx.out.err(`${noResourcesMessage(allNs || requests.every((r) => !r.type.namespaced) ? undefined : ctx.namespace)}\n`);
  }
  for (const e of errors) ctx.out.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

/** Reads a dotted field (re-exported for verbs that select by field). */
export { fieldValue };
