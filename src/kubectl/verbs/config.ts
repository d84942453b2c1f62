/**
 * `kubectl config`: the kubeconfig of the simulated kind cluster — `view` (secrets shown as DATA+OMITTED,
 * `--minify`, `--raw`, `-o jsonpath`), `current-context`, `get-contexts`, `get-clusters`, `get-users`,
 * `use-context`, `set-context` (`--current --namespace=x`), `delete-context`, `rename-context`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/config and staging/src/k8s.io/client-go/tools/clientcmd/api
 * (v1 types, MinifyConfig, RedactSecrets, ShortenConfig).
 */
import { fnv32a, type Cluster } from '../../engine';
import type { Command } from '../command';
import { flag, type FlagSpec } from '../cli/flags';
import type { CommandContext, KubeconfigState } from '../context';
import { clientError, KubectlError } from '../errors';
import { toJson, toYaml } from '../output/yaml';
import { renderJsonPath } from '../printers/jsonpath';
import { tabwrite } from '../printers/tabwriter';
import { base64String } from './generators/bytes';

interface ContextEntry {
  cluster: string;
  user: string;
  namespace?: string;
}

/** The kubeconfig beyond what KubeconfigState holds: every context, by name, in creation order. */
interface KubeconfigModel {
  contexts: Map<string, ContextEntry>;
  current: string;
}

// Keyed by the interpreter's KubeconfigState, so the model lives exactly as long as that kubectl "installation".
const models = new WeakMap<KubeconfigState, KubeconfigModel>();

/** The kubeconfig model of an interpreter, created from its state the first time. */
function modelOf(config: KubeconfigState): KubeconfigModel {
  let m = models.get(config);
  if (!m) {
    // kind writes no namespace into its context; `default` is what an unset namespace means.
    const first: ContextEntry = { cluster: config.clusterName, user: config.user, ...(config.namespace !== 'default' ? { namespace: config.namespace } : {}) };
    m = { contexts: new Map([[config.contextName, first]]), current: config.contextName };
    models.set(config, m);
  }
  return m;
}

/** Copies the current context back into the state every other command reads (its name and namespace). */
function syncState(config: KubeconfigState, m: KubeconfigModel): void {
  config.contextName = m.current;
  config.namespace = m.contexts.get(m.current)?.namespace || 'default';
}

/**
 * The apiserver URL kind writes into the kubeconfig: loopback and a host port. kind picks a free random port;
 * here it is derived from the cluster's name and seed, so it is stable for a cluster.
 */
export function apiServerUrl(ctx: { cluster: Cluster }): string {
  const port = 32768 + (fnv32a(`${ctx.cluster.name}:${ctx.cluster.seed}`) % 28000);
  return `https://127.0.0.1:${port}`;
}

/** The v1 Config object `config view` prints, redacted unless `raw`. */
function configObject(ctx: CommandContext, m: KubeconfigModel, opts: { minify: boolean; raw: boolean }): Record<string, unknown> {
  let contexts = [...m.contexts.entries()];
  if (opts.minify) {
    if (!m.current) throw clientError('current-context must exist in order to minify');
    const cur = m.contexts.get(m.current);
    if (!cur) throw clientError(`cannot locate context ${m.current}`);
    contexts = [[m.current, cur]];
  }
  const clusterName = ctx.config.clusterName;
  const userName = ctx.config.user;
  const usedClusters = new Set(contexts.map(([, c]) => c.cluster));
  const usedUsers = new Set(contexts.map(([, c]) => c.user));
  const secret = (label: string) => (opts.raw ? base64String(`-----BEGIN ${label}-----\n${base64String(`${label}:${ctx.cluster.name}`)}\n-----END ${label}-----\n`) : 'DATA+OMITTED');
  const sortByName = <T extends { name: string }>(xs: T[]) => xs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Fields in the order of the v1 Go structs (what -o json keeps; YAML sorts them).
  const clusters = !opts.minify || usedClusters.has(clusterName)
    ? [{ name: clusterName, cluster: { server: apiServerUrl(ctx), 'certificate-authority-data': secret('CERTIFICATE') } }]
    : [];
  const users = !opts.minify || usedUsers.has(userName)
    ? [{ name: userName, user: { 'client-certificate-data': secret('CERTIFICATE'), 'client-key-data': secret('RSA PRIVATE KEY') } }]
    : [];
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters,
    users,
    contexts: sortByName(contexts.map(([name, c]) => ({ name, context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) } }))),
    'current-context': m.current,
  };
}

const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: 'yaml' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

const viewCmd: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'minify', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'merge', type: 'bool', default: true },
  ],
  run: (ctx, args) => {
    if (args.positional.length > 0) throw new KubectlError(`error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl config view -h' for help and examples`);
    const m = modelOf(ctx.config);
    const obj = configObject(ctx, m, { minify: flag.bool(args, 'minify'), raw: flag.bool(args, 'raw') || flag.bool(args, 'flatten') });
    const output = flag.str(args, 'output');
    if (output === 'yaml' || output === '') ctx.out.out(toYaml(obj));
    else if (output === 'json') ctx.out.out(toJson(obj));
    else if (output.startsWith('jsonpath=') || output.startsWith('template=') || output.startsWith('jsonpath-as-json=')) {
      const template = output.slice(output.indexOf('=') + 1);
      try {
        ctx.out.out(renderJsonPath(template, obj));
      } catch (e) {
        throw clientError((e as Error).message.replace(/^error: /, ''));
      }
    } else if (output === 'name') {
      ctx.out.out('config/\n');
    } else {
      throw clientError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    }
    return 0;
  },
};

const currentContextCmd: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
  run: (ctx) => {
    const m = modelOf(ctx.config);
    if (!m.current) throw clientError('current-context is not set');
    ctx.out.out(`${m.current}\n`);
    return 0;
  },
};

const getContextsCmd: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool' },
  ],
  run: (ctx, args) => {
    const output = flag.str(args, 'output');
    if (output !== '' && output !== 'name') throw clientError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
    const m = modelOf(ctx.config);
    const nameOnly = output === 'name';
    const errors: string[] = [];
    let names: string[];
    if (args.positional.length === 0) names = [...m.contexts.keys()];
    else {
      names = [];
      for (const n of args.positional) {
        if (m.contexts.has(n)) names.push(n);
        else errors.push(`context ${n} not found`);
      }
    }
    const lines: string[] = [];
    if (!flag.bool(args, 'no-headers') && !nameOnly) lines.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'].join('\t'));
    for (const n of names.sort()) {
      const c = m.contexts.get(n)!;
      lines.push(nameOnly ? n : [n === m.current ? '*' : ' ', n, c.cluster, c.user, c.namespace ?? ''].join('\t'));
    }
    if (lines.length > 0) ctx.out.out(tabwrite(`${lines.join('\n')}\n`));
    if (errors.length > 0) throw new KubectlError(errors.length === 1 ? `error: ${errors[0]}` : errors.join('\n'));
    return 0;
  },
};

const getClustersCmd: Command = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  usage: 'kubectl config get-clusters [options]',
  flags: [],
  run: (ctx) => {
    ctx.out.out(`NAME\n${ctx.config.clusterName}\n`);
    return 0;
  },
};

const getUsersCmd: Command = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  usage: 'kubectl config get-users [options]',
  flags: [],
  run: (ctx) => {
    ctx.out.out(`NAME\n${ctx.config.user}\n`);
    return 0;
  },
};

const useContextCmd: Command = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  run: (ctx, args) => {
    const [name, ...extra] = args.positional;
    if (extra.length > 0) throw new KubectlError(`error: Unexpected args: [${extra.join(' ')}]\nSee 'kubectl config use-context -h' for help and examples`);
    if (!name) throw clientError('empty context names are not allowed');
    const m = modelOf(ctx.config);
    if (!m.contexts.has(name)) throw clientError(`no context exists with the name: ${JSON.stringify(name)}`);
    m.current = name;
    syncState(ctx.config, m);
    ctx.out.out(`Switched to context ${JSON.stringify(name)}.\n`);
    return 0;
  },
};

const setContextCmd: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string', default: '' },
    { name: 'user', type: 'string', default: '' },
  ],
  run: (ctx, args) => {
    const [argName, ...extra] = args.positional;
    if (extra.length > 0) throw new KubectlError(`error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl config set-context -h' for help and examples`);
    const current = flag.bool(args, 'current');
    if (!argName && !current) throw clientError('you must specify a non-empty context name or --current');
    if (argName && current) throw clientError('you cannot specify both a context name and --current');
    const m = modelOf(ctx.config);
    if (current && !m.current) throw clientError('no current context is set');
    const name = current ? m.current : argName!;
    const existing = m.contexts.get(name);
    const next: ContextEntry = existing ? { ...existing } : { cluster: '', user: '' };
    if (flag.has(args, 'cluster')) next.cluster = flag.str(args, 'cluster');
    if (flag.has(args, 'user')) next.user = flag.str(args, 'user');
    if (flag.has(args, 'namespace')) {
      const ns = flag.str(args, 'namespace');
      if (ns) next.namespace = ns;
      else delete next.namespace;
    }
    m.contexts.set(name, next);
    syncState(ctx.config, m);
    ctx.out.out(`Context ${JSON.stringify(name)} ${existing ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

const deleteContextCmd: Command = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  usage: 'kubectl config delete-context NAME [options]',
  flags: [],
  run: (ctx, args) => {
    const [name] = args.positional;
    if (!name || args.positional.length !== 1) throw new KubectlError("error: Unexpected args: []\nSee 'kubectl config delete-context -h' for help and examples");
    const m = modelOf(ctx.config);
    if (!m.contexts.has(name)) throw clientError(`cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
    if (m.current === name) ctx.out.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    m.contexts.delete(name);
    if (m.current === name) m.current = '';
    syncState(ctx.config, m);
    ctx.out.out(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};

const renameContextCmd: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  usage: 'kubectl config rename-context CONTEXT_NAME NEW_NAME [options]',
  flags: [],
  run: (ctx, args) => {
    if (args.positional.length !== 2) throw new KubectlError("error: Unexpected args: [" + args.positional.join(' ') + "]\nSee 'kubectl config rename-context -h' for help and examples");
    const [from, to] = args.positional as [string, string];
    const m = modelOf(ctx.config);
    const c = m.contexts.get(from);
    if (!c) throw clientError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${KUBECONFIG_PATH}`);
    if (m.contexts.has(to)) throw clientError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${KUBECONFIG_PATH}`);
    m.contexts.delete(from);
    m.contexts.set(to, c);
    if (m.current === from) m.current = to;
    syncState(ctx.config, m);
    ctx.out.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
    return 0;
  },
};

// Divergence: there is no file; messages name the path kubectl would use.
const KUBECONFIG_PATH = '/root/.kube/config';

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContextCmd, deleteContextCmd, getClustersCmd, getContextsCmd, getUsersCmd, renameContextCmd, setContextCmd, useContextCmd, viewCmd],
  run: (ctx, args) => {
    if (args.positional.length > 0) throw clientError(`unknown command "${args.positional[0]}" for "kubectl config"`);
    ctx.out.out('Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n' + configCommand.subcommands!.map((s) => `  ${s.name.padEnd(17)}${s.short}\n`).join('') + '\nUsage:\n  kubectl config SUBCOMMAND [options]\n');
    return 0;
  },
};
