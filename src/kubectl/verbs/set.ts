/**
 * `kubectl set image|env|resources`: changes the containers of Pods and pod templates (Deployments, ReplicaSets,
 * DaemonSets, StatefulSets, Jobs, CronJobs, ReplicationControllers). Objects that end up unchanged are skipped
 * silently; the rest are written and reported (`deployment.apps/web image updated`).
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go, set_env.go, set_resources.go, helper.go
 * (CalculatePatches, selectContainers) and polymorphichelpers/updatepodspec.go.
 */
import { canonicalJson, deepCopy, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type FlagSpec, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { parseResourceList } from './generators/cluster-objects';
import { GeneratorError } from './generators/config-data';
import { envVarNameErrors } from './generators/config-data';
import { DRY_RUN_FLAG, dryRunStrategy, type DryRunStrategy } from './support/dry-run';
import { parsePairs, splitResourcesAndPairs } from './support/pairs';
import { RECORD_FLAG, recordChangeCause, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { resolveTargets, type Target } from './support/targets';
import { clientFailure, throwIfAny, type VerbError } from './support/verb-errors';

/** A container as `set` edits it. */
interface ContainerLike {
  name: string;
  image?: string;
  env?: EnvVar[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

/** An environment variable of a container. */
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string };
  };
}

interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

/** The pod spec inside an object (mutable), or undefined for kinds without one. */
// Models polymorphichelpers/updatepodspec.go updatePodSpecForObject.
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return spec as PodSpecLike;
    case 'ReplicationController':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job': {
      if (!spec) return undefined;
      const template = (spec.template ??= {}) as Record<string, unknown>;
      return (template.spec ??= {}) as PodSpecLike;
    }
    case 'CronJob': {
      const jt = (spec?.jobTemplate ?? {}) as { spec?: { template?: { spec?: PodSpecLike } } };
      return jt.spec?.template?.spec;
    }
    default:
      return undefined;
  }
}

/** Matches a container name against `-c` (`*` wildcards allowed). */
// Models set/helper.go selectString.
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  const pattern = spec.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(s);
}

const COMMON_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
  { name: 'all', type: 'bool' },
  { name: 'local', type: 'bool' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** The objects of a set sub-command (Infos(): any lookup failure stops the command). */
function targetsOf(ctx: CommandContext, args: ParsedArgs, resources: string[]): Target[] {
  if (flag.bool(args, 'local') && resources.length > 0) {
    throw new KubectlError("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
  }
  const visit = resolveTargets(ctx, {
    resources,
    filenames: flag.arr(args, 'filename'),
    recursive: flag.bool(args, 'recursive'),
    selector: flag.str(args, 'selector'),
    all: flag.bool(args, 'all'),
    enforceNamespace: flag.has(args, 'namespace'),
    local: flag.bool(args, 'local'),
  });
  throwIfAny(visit.errors);
  return visit.targets;
}

/**
 * Applies `mutate` to a copy of each object's pod spec, skips unchanged objects, and writes (or, locally or for a
 * client dry run, only prints) the rest. Returns the errors to report.
 * Models set/helper.go CalculatePatches and the Run loops of the set sub-commands.
 */
function patchPodSpecs(
  ctx: CommandContext,
  targets: Target[],
  opts: { local: boolean; dryRun: DryRunStrategy; operation: string; patchWhat: string; changeCause?: string },
  printer: ResultPrinter,
  mutate: (spec: PodSpecLike, obj: KubeObject) => void,
  errors: VerbError[],
): void {
  for (const t of targets) {
    const obj = deepCopy(t.obj);
    const spec = podSpecOf(obj);
    if (!spec) {
      errors.push({ kind: 'rendered', text: `error: ${t.type.resource}/${t.name} the object is not a pod or does not have a pod template: *${goType(t.obj)}` });
      continue;
    }
    try {
      mutate(spec, obj);
    } catch (e) {
      if (!(e instanceof SetError)) throw e;
      errors.push({ kind: 'rendered', text: `error: ${t.type.resource}/${t.name} ${e.message}` });
      continue;
    }
    recordChangeCause(obj, opts.changeCause);
    if (canonicalJson(obj) === canonicalJson(t.obj)) continue;
    if (opts.local || opts.dryRun === 'client') {
      printer.print(obj, opts.operation);
      continue;
    }
    const r = ctx.cluster.api.update(obj, { dryRun: opts.dryRun === 'server' });
    if (!r.ok) {
      errors.push(clientFailure(`failed to patch ${opts.patchWhat} update to pod template: ${r.status.message}`));
      continue;
    }
    printer.print(r.value, opts.operation);
  }
}

/** A failure of one object's mutation (reported as `error: <resource>/<name> <message>`). */
class SetError extends Error {}

function goType(obj: KubeObject): string {
  const version = obj.apiVersion.split('/').pop() ?? 'v1';
  return `${version}.${obj.kind}`;
}

// ---------------------------------------------------------------------------------------------------------------
// set image

const imageCmd: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [...COMMON_FLAGS, RECORD_FLAG],
  run: (ctx, args) => {
    const changeCause = recordedChangeCause(ctx, args, 'set image');
    const dryRun = dryRunStrategy(ctx, args);
    const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
    const { resources, pairs } = splitResourcesAndPairs(args.positional, 'image');
    const images = parsePairs(pairs, 'image', false).set;
    const targets = targetsOf(ctx, args, resources);
    const problems: string[] = [];
    if (flag.bool(args, 'all') && flag.str(args, 'selector')) problems.push('cannot set --all and --selector at the same time');
    if (resources.length < 1 && flag.arr(args, 'filename').length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (images.size < 1) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (flag.bool(args, 'local') && dryRun === 'server') problems.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    throwIfAny(problems.map(clientFailure));
    const errors: VerbError[] = [];
    patchPodSpecs(ctx, targets, { local: flag.bool(args, 'local'), dryRun, operation: 'image updated', patchWhat: 'image', changeCause }, printer, (spec) => {
      for (const [name, image] of images) {
        const inInit = setImage(spec.initContainers, name, image);
        const inMain = setImage(spec.containers, name, image);
        if (!inInit && !inMain) errors.push({ kind: 'rendered', text: `error: unable to find container named ${JSON.stringify(name)}` });
      }
    }, errors);
    throwIfAny(errors);
    return 0;
  },
};

function setImage(containers: ContainerLike[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// set env

/** The text `set env --list` prints for a valueFrom reference. */
// Models set/env/env_resolve.go GetEnvVarRefString.
function envRefString(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

/** Merges new variables into a container's list and drops removed ones (updateEnv). */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** Parses `KEY=VALUE` / `KEY-` environment arguments (envutil.ParseEnv). */
function parseEnvArgs(specs: string[], stdin: string | undefined): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      if (stdin === undefined) throw clientError("when '-' is used, STDIN must be open");
      for (const raw of stdin.split('\n')) {
        const line = raw.includes('#') ? raw.slice(0, raw.indexOf('#')) : raw;
        const i = line.indexOf('=');
        if (i >= 0) env.push({ name: line.slice(0, i), value: line.slice(i + 1) });
      }
    } else if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const name = spec.slice(0, i);
      const errs = envVarNameErrors(name);
      if (errs.length > 0) throw clientError(`${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(i + 1) });
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw clientError(`unknown environment variable: ${spec}`);
    }
  }
  if (remove.some((r) => set.has(r))) throw clientError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

const envCmd: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    ...COMMON_FLAGS,
    { name: 'containers', short: 'c', type: 'string', default: '*' },
    { name: 'from', type: 'string', default: '' },
    { name: 'prefix', type: 'string', default: '' },
    { name: 'env', short: 'e', type: 'stringArray', default: [] },
    { name: 'keys', type: 'stringArray', default: [] },
    { name: 'list', type: 'bool' },
    { name: 'resolve', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
  ],
  run: (ctx, args) => {
    if (flag.bool(args, 'all') && flag.str(args, 'selector')) throw clientError('cannot set --all and --selector at the same time');
    const resources: string[] = [];
    const envArgs: string[] = [];
    for (const s of args.positional) {
      const isEnv = (s.includes('=') && s[0] !== '=') || s.endsWith('-') || s === '-';
      if (isEnv) envArgs.push(s);
      else if (envArgs.length === 0) resources.push(s);
      else throw clientError(`all resources must be specified before environment changes: ${args.positional.join(' ')}`);
    }
    const dryRun = dryRunStrategy(ctx, args);
    const output = flag.str(args, 'output');
    const printer = new ResultPrinter(ctx, parseResultFormat(output), dryRun);
    const local = flag.bool(args, 'local');
    if (local && dryRun === 'server') throw clientError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (flag.arr(args, 'filename').length === 0 && resources.length < 1) throw clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    const list = flag.bool(args, 'list');
    if (list && output) throw clientError('--list and --output may not be specified together');
    const keys = flag.arr(args, 'keys').flatMap((k) => k.split(','));
    if (keys.length > 0 && !flag.str(args, 'from')) throw clientError('when specifying --keys, a configmap or secret must be provided with --from');
    const { env, remove } = parseEnvArgs([...flag.arr(args, 'env'), ...envArgs], ctx.stdin);
    const from = flag.str(args, 'from');
    if (from) env.push(...envFromResource(ctx, from, keys));
    const prefix = flag.str(args, 'prefix');
    if (prefix) for (const e of env) e.name = `${prefix}${e.name}`;
    const targets = targetsOf(ctx, args, resources);
    const selector = flag.str(args, 'containers');
    const overwrite = flag.bool(args, 'overwrite');
    const errors: VerbError[] = [];
    if (list) {
      for (const t of targets) {
        const obj = deepCopy(t.obj);
        const spec = podSpecOf(obj);
        if (!spec) continue;
        for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector))) {
          ctx.out.out(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`);
          for (const e of updateEnv(c.env ?? [], env, remove)) {
            ctx.out.out(e.valueFrom ? `# ${e.name} from ${envRefString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
          }
        }
      }
      return 0;
    }
    patchPodSpecs(ctx, targets, { local, dryRun, operation: 'env updated', patchWhat: 'env' }, printer, (spec, obj) => {
      const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => selectString(c.name, selector));
      if (containers.length === 0) {
        ctx.out.err(`Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
        return;
      }
      for (const c of containers) {
        if (!overwrite) {
          for (const e of env) {
            const current = (c.env ?? []).find((x) => x.name === e.name);
            if (current && current.value !== e.value) throw new SetError(`'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`);
          }
        }
        c.env = updateEnv(c.env ?? [], env, remove);
      }
    }, errors);
    if (env.length === 0 && envArgs.length === 0 && errors.length === 0 && targets.length > 0) {
      throw clientError('at least one environment variable must be provided');
    }
    throwIfAny(errors);
    return 0;
  },
};

/** Variables referencing every (or the `--keys`) key of a ConfigMap or Secret (`--from=configmap/x`). */
function envFromResource(ctx: CommandContext, from: string, keys: string[]): EnvVar[] {
  const targets = resolveTargets(ctx, { resources: [from] });
  throwIfAny(targets.errors);
  const env: EnvVar[] = [];
  for (const { obj } of targets.targets) {
    if (obj.kind !== 'Secret' && obj.kind !== 'ConfigMap') throw clientError('unsupported resource specified in --from');
    const data = (obj.data ?? {}) as Record<string, string>;
    // Divergence: Go ranges over the data map in random order; keys are taken sorted.
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const envName = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (envName !== key) ctx.out.err(`Warning: key ${key} transferred to ${envName}\n`);
      const ref = { name: obj.metadata.name, key };
      env.push({ name: envName, valueFrom: obj.kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref } });
    }
  }
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// set resources

const resourcesCmd: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  usage: 'kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]',
  flags: [
    ...COMMON_FLAGS,
    { name: 'containers', short: 'c', type: 'string', default: '*' },
    { name: 'limits', type: 'string', default: '' },
    { name: 'requests', type: 'string', default: '' },
    RECORD_FLAG,
  ],
  run: (ctx, args) => {
    const changeCause = recordedChangeCause(ctx, args, 'set resources');
    const dryRun = dryRunStrategy(ctx, args);
    const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
    const targets = targetsOf(ctx, args, args.positional);
    const local = flag.bool(args, 'local');
    if (local && dryRun === 'server') throw clientError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (flag.bool(args, 'all') && flag.str(args, 'selector')) throw clientError('cannot set --all and --selector at the same time');
    const limitsText = flag.str(args, 'limits');
    const requestsText = flag.str(args, 'requests');
    if (!limitsText && !requestsText) throw clientError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    let limits: Record<string, string> | undefined;
    let requests: Record<string, string> | undefined;
    try {
      limits = parseResourceList(limitsText);
      requests = parseResourceList(requestsText);
    } catch (e) {
      if (e instanceof GeneratorError) throw clientError(e.message);
      throw e;
    }
    const selector = flag.str(args, 'containers');
    const errors: VerbError[] = [];
    patchPodSpecs(ctx, targets, { local, dryRun, operation: 'resource requirements updated', patchWhat: 'resources', changeCause }, printer, (spec) => {
      const containers = [...(spec.containers ?? []).filter((c) => selectString(c.name, selector)), ...(spec.initContainers ?? []).filter((c) => selectString(c.name, selector))];
      if (containers.length === 0) {
        errors.push({ kind: 'rendered', text: `error: unable to find container named ${selector}` });
        return;
      }
      for (const c of containers) {
        c.resources = { ...(c.resources ?? {}) };
        if (limits) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits };
        if (requests) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests };
      }
    }, errors);
    throwIfAny(errors);
    return 0;
  },
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [envCmd, imageCmd, resourcesCmd],
  run: (ctx, args) => {
    if (args.positional.length === 0) {
      ctx.out.err('Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n  resources        Update resource requests/limits on objects with pod templates\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
      return 0;
    }
    throw clientError(`unknown command "${args.positional[0]}" for "kubectl set"`);
  },
};
