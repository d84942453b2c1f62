/**
 * `kubectl api-resources`: what the simulated apiserver's discovery serves, from the
 * kind registry (preferred versions only, as ServerPreferredResources returns them).
 * Models staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go and print_flags.go.
 */
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { toJson, toYaml } from '../output/yaml';
import { tabwrite } from '../printers/tabwriter';

/** Options that filter and order the resource list. */
export interface ApiResourceFilter {
  apiGroup?: string;
  namespaced?: boolean;
  verbs?: string[];
  categories?: string[];
  sortBy?: '' | 'name' | 'kind';
}

/** The served resources after kubectl's filters, sorted by group (or `sortBy`) and then name, stably. */
export function listApiResources(filter: ApiResourceFilter = {}): ResourceType[] {
  const rows = RESOURCE_TYPES.filter(
    (t) =>
      t.verbs.length > 0 &&
      (filter.apiGroup === undefined || t.group === filter.apiGroup) &&
      (filter.namespaced === undefined || t.namespaced === filter.namespaced) &&
      (filter.verbs ?? []).every((v) => t.verbs.includes(v)) &&
      (filter.categories ?? []).every((c) => t.categories.includes(c)),
  );
  const key = (t: ResourceType) => (filter.sortBy === 'name' ? t.resource : filter.sortBy === 'kind' ? t.kind : t.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .map((t, i) => ({ t, i }))
    .sort((a, b) => cmp(key(a.t), key(b.t)) || cmp(a.t.resource, b.t.resource) || a.i - b.i)
    .map((x) => x.t);
}

/** The table `kubectl api-resources` prints (with `-o wide`, VERBS and CATEGORIES). */
export function apiResourcesTable(rows: ResourceType[], wide: boolean, noHeaders: boolean): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  for (const t of rows) {
    const cells = [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
    if (wide) cells.push(t.verbs.join(','), t.categories.join(','));
    lines.push(cells.join('\t'));
  }
  return tabwrite(`${lines.join('\n')}\n`);
}

/** The APIResourceList object of `-o yaml|json`. */
function apiResourceList(rows: ResourceType[]): Record<string, unknown> {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: '',
    resources: rows.map((t) => ({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      ...(t.group ? { group: t.group } : {}),
      version: t.version,
      kind: t.kind,
      verbs: [...t.verbs],
      ...(t.shortNames.length > 0 ? { shortNames: [...t.shortNames] } : {}),
      ...(t.categories.length > 0 ? { categories: [...t.categories] } : {}),
    })),
  };
}

const ALLOWED = 'json, yaml, name, wide';

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool' },
    { name: 'api-group', type: 'string', default: '' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'verbs', type: 'stringArray', default: [] },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringArray', default: [] },
  ],
  run: runApiResources,
};

function runApiResources(ctx: CommandContext, args: ParsedArgs): number {
  if (args.positional.length > 0) {
    throw new KubectlError(`error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`);
  }
  const output = flag.str(args, 'output');
  if (!['', 'wide', 'name', 'yaml', 'json'].includes(output)) {
    throw clientError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
  const sortBy = flag.str(args, 'sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw clientError('--sort-by accepts only name or kind');
  const split = (name: string) => flag.arr(args, name).flatMap((v) => v.split(',')).filter((v) => v !== '');
  const rows = listApiResources({
    ...(flag.has(args, 'api-group') ? { apiGroup: flag.str(args, 'api-group') } : {}),
    ...(flag.has(args, 'namespaced') ? { namespaced: flag.bool(args, 'namespaced') } : {}),
    verbs: split('verbs'),
    categories: split('categories'),
    sortBy: sortBy as '' | 'name' | 'kind',
  });
  switch (output) {
    case 'name':
      ctx.out.out(rows.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(''));
      return 0;
    case 'yaml':
      ctx.out.out(toYaml(apiResourceList(rows)));
      return 0;
    case 'json':
      ctx.out.out(toJson(apiResourceList(rows)));
      return 0;
    default:
      ctx.out.out(apiResourcesTable(rows, output === 'wide', flag.bool(args, 'no-headers')));
      return 0;
  }
}
