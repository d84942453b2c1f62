/**
 * `kubectl create`: objects from manifests (`-f` files, directories, stdin), and the generator sub-commands
 * (`create deployment|namespace|service|configmap|secret|job|cronjob|serviceaccount|priorityclass|quota`), with
 * `--dry-run`, `-o` and `--save-config`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create.go (RunCreate, CreateSubcommandOptions) and the
 * create_*.go sub-commands.
 */
import { deepCopy, LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, matches, parseSelector, randomSuffix, typeForApiVersionKind, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type FlagSpec, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { apiError, clientError, KubectlError, withSource } from '../errors';
import { lookupType } from '../resource-args';
import { notFoundStatus } from './common';
import { readManifests } from './manifests';
import { generateNamespace, generatePriorityClass, generateQuota, generateServiceAccount } from './generators/cluster-objects';
import { GeneratorError, generateConfigMap, generateDockerRegistrySecret, generateGenericSecret, generateTlsSecret, type DataSources } from './generators/config-data';
import { generateCreateService } from './generators/services';
import { containerNameForImage, generateCronJob, generateDeployment, generateJob, generateJobFromCronJob } from './generators/workloads';
import { DRY_RUN_FLAG, dryRunStrategy, type DryRunStrategy } from './support/dry-run';
import { RECORD_FLAG, recordChangeCause, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { clientFailure, statusFailure, throwIfAny, type VerbError } from './support/verb-errors';

/**
 * The last-applied-configuration `--save-config` stores for an object a generator built: kubectl encodes the typed
 * struct, so fields keep Go's struct order and an empty annotations map is left out. (Objects read from
 * manifests are maps; the engine's lastAppliedConfiguration encodes those.)
 */
// Models staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration over a typed object.
export function typedLastAppliedConfiguration(obj: KubeObject): string {
  const copy = deepCopy(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  if (Object.keys(annotations).length > 0) copy.metadata.annotations = annotations;
  else delete copy.metadata.annotations;
  // Go's encoding/json escapes these characters inside strings.
  return `${JSON.stringify(copy).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

/** Sets the last-applied annotation (always with `--save-config`, else only when the object already has one). */
// Models staging/src/k8s.io/kubectl/pkg/util/apply.go CreateOrUpdateAnnotation.
export function updateLastApplied(obj: KubeObject, saveConfig: boolean, fromManifest: boolean): void {
  const has = obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!saveConfig && !has) return;
  const value = fromManifest ? lastAppliedConfiguration(obj as unknown as Parameters<typeof lastAppliedConfiguration>[0]) : typedLastAppliedConfiguration(obj);
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value };
}

/** Printer flags every create command has. */
const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** Flags of the generator sub-commands besides their own. */
const GENERATOR_FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

// ---------------------------------------------------------------------------------------------------------------
// create -f

function runCreateFromFiles(ctx: CommandContext, args: ParsedArgs): number {
  if (args.positional.length > 0 || args.afterDash) {
    throw new KubectlError(`error: Unexpected args: [${[...args.positional, ...(args.afterDash ?? [])].join(' ')}]\nSee 'kubectl create -h' for help and examples`);
  }
  const changeCause = recordedChangeCause(ctx, args, 'create');
  const dryRun = dryRunStrategy(ctx, args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  const files = flag.arr(args, 'filename');
  if (files.length === 0 && !flag.str(args, 'kustomize')) throw clientError('must specify one of -f and -k');
  if (flag.str(args, 'kustomize')) throw clientError('kustomize directories are not supported by this kubectl');
  if (flag.bool(args, 'edit')) throw clientError('--edit is not supported by this kubectl');
  if (flag.str(args, 'raw')) throw clientError('--raw is not supported by this kubectl');
  const selector = flag.str(args, 'selector');
  const docs = readManifests(ctx, files, flag.bool(args, 'recursive'));
  const errors: VerbError[] = [];
  let count = 0;
  for (const doc of docs) {
    if (doc.error) {
      errors.push({ kind: 'rendered', text: doc.error });
      continue;
    }
    const obj = deepCopy(doc.obj!);
    obj.metadata = { ...obj.metadata };
    const type = typeForApiVersionKind(obj.apiVersion, obj.kind);
    if (!type) {
      errors.push(clientFailure(`resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`));
      continue;
    }
    if (type.namespaced) {
      if (flag.has(args, 'namespace') && obj.metadata.namespace && obj.metadata.namespace !== ctx.namespace) {
        errors.push(clientFailure(`the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`));
        continue;
      }
      obj.metadata.namespace = obj.metadata.namespace || ctx.namespace;
    }
    if (selector && !matchesSelector(obj, selector)) continue;
    updateLastApplied(obj, flag.bool(args, 'save-config'), true);
    recordChangeCause(obj, changeCause);
    let result = obj;
    if (dryRun !== 'client') {
      // The apiserver decodes the body strictly (kubectl's default --validate=strict) before anything else.
      if (doc.badRequest) {
        errors.push(statusFailure(withSource({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400, message: doc.badRequest }, 'creating', doc.source)));
        continue;
      }
      const r = ctx.cluster.api.create(obj, { dryRun: dryRun === 'server' });
      if (!r.ok) {
        errors.push(statusFailure(withSource(r.status, 'creating', doc.source)));
        continue;
      }
      result = r.value;
    }
    count++;
    printer.print(result, 'created');
  }
  if (errors.length === 0 && count === 0) throw clientError('no objects passed to create');
  throwIfAny(errors);
  return 0;
}

function matchesSelector(obj: KubeObject, selector: string): boolean {
  const sel = parseSelector(selector);
  if (!sel.ok) throw clientError(sel.error);
  return matches(sel.selector, obj.metadata.labels);
}

// ---------------------------------------------------------------------------------------------------------------
// Generator sub-commands

/** How a generator sub-command reports a failed create (`error: failed to create deployment: ...`). */
type CreateFailure = { prefix: string } | 'raw';

/** The single NAME of a generator sub-command (`exactly one NAME is required, got N`). */
function nameArg(args: ParsedArgs, path: string): string {
  if (args.positional.length !== 1) {
    throw new KubectlError(`error: exactly one NAME is required, got ${args.positional.length}\nSee '${path} -h' for help and examples`);
  }
  return args.positional[0]!;
}

/** Cobra's check of flags marked required. */
function requireFlags(args: ParsedArgs, names: string[]): void {
  const missing = names.filter((n) => !flag.has(args, n));
  if (missing.length > 0) throw clientError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/** Values of a StringSlice flag (repeatable, comma-separated). */
function sliceFlag(args: ParsedArgs, name: string): string[] {
  return flag.arr(args, name).flatMap((v) => v.split(',')).filter((v) => v !== '');
}

/** Namespace written into a generated object: only when `-n` was given (EnforceNamespace). */
function enforcedNamespace(ctx: CommandContext, args: ParsedArgs): string | undefined {
  return flag.has(args, 'namespace') ? ctx.namespace : undefined;
}

/**
 * Creates (or, for a client dry run, only prints) a generated object and prints the result.
 * Models create.go CreateSubcommandOptions.Run and the sub-commands' own Run methods.
 */
function createGenerated(ctx: CommandContext, args: ParsedArgs, dryRun: DryRunStrategy, build: () => KubeObject, failure: CreateFailure): number {
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  let obj: KubeObject;
  try {
    obj = build();
  } catch (e) {
    if (e instanceof GeneratorError) throw clientError(e.message);
    throw e;
  }
  updateLastApplied(obj, flag.bool(args, 'save-config'), false);
  if (dryRun === 'client') {
    printer.print(obj, 'created');
    return 0;
  }
  const type = typeForApiVersionKind(obj.apiVersion, obj.kind);
  const toCreate = deepCopy(obj);
  if (type?.namespaced) toCreate.metadata.namespace = ctx.namespace;
  const r = ctx.cluster.api.create(toCreate, { dryRun: dryRun === 'server' });
  // `%v` of a StatusError is its message.
  if (!r.ok) throw failure === 'raw' ? apiError(r.status) : clientError(`${failure.prefix}${r.status.message}`);
  printer.print(r.value, 'created');
  return 0;
}

/**
 * Rejects flags given to one variant of a shared sub-command that only another variant declares (cobra would not
 * know them): `kubectl create service nodeport --clusterip` is an unknown flag.
 */
function rejectForeignFlags(args: ParsedArgs, foreign: string[], path: string): void {
  const given = foreign.find((f) => flag.has(args, f));
  if (given) throw new KubectlError(`error: unknown flag: --${given}\nSee '${path} --help' for usage.`);
}

/** Builds a generator sub-command with the common flags. */
function generator(name: string, short: string, usage: string, flags: FlagSpec[], run: (ctx: CommandContext, args: ParsedArgs, path: string) => number): Command {
  const path = `kubectl create ${name}`;
  return { name, short, usage: `kubectl create ${usage}`, flags: [...flags, ...GENERATOR_FLAGS], run: (ctx, args) => run(ctx, args, path) };
}

/** The same sub-command under an alias (`create deploy`, `create ns`). */
function alias(cmd: Command, ...aliases: string[]): Command {
  return { ...cmd, aliases };
}

const deploymentCmd = generator(
  'deployment',
  'Create a deployment with the specified name',
  'deployment NAME --image=image -- [COMMAND] [args...] [options]',
  [
    { name: 'image', type: 'stringArray', default: [] },
    { name: 'port', type: 'int', default: -1 },
    { name: 'replicas', short: 'r', type: 'int', default: 1 },
  ],
  (ctx, args, path) => {
    requireFlags(args, ['image']);
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    const images = sliceFlag(args, 'image');
    const command = args.afterDash ?? [];
    if (images.length > 1 && command.length > 0) throw clientError('cannot specify multiple --image options and command');
    const rng = ctx.cluster.rng.fork(`kubectl-create-deployment:${ctx.cluster.nowMs}:${name}`);
    return createGenerated(
      ctx,
      args,
      dryRun,
      () =>
        generateDeployment({
          name,
          namespace: enforcedNamespace(ctx, args),
          images,
          containerNames: images.map((i) => containerNameForImage(i, () => randomSuffix(rng))),
          replicas: flag.int(args, 'replicas'),
          port: flag.int(args, 'port'),
          command,
        }),
      { prefix: 'failed to create deployment: ' },
    );
  },
);

const namespaceCmd = generator('namespace', 'Create a namespace with the specified name', 'namespace NAME [--dry-run=server|client|none] [options]', [], (ctx, args, path) => {
  const name = nameArg(args, path);
  const dryRun = dryRunStrategy(ctx, args);
  return createGenerated(ctx, args, dryRun, () => generateNamespace(name), 'raw');
});

const serviceAccountCmd = generator('serviceaccount', 'Create a service account with the specified name', 'serviceaccount NAME [--dry-run=server|client|none] [options]', [], (ctx, args, path) => {
  const name = nameArg(args, path);
  const dryRun = dryRunStrategy(ctx, args);
  return createGenerated(ctx, args, dryRun, () => generateServiceAccount(name, enforcedNamespace(ctx, args)), { prefix: 'failed to create serviceaccount: ' });
});

const priorityClassCmd = generator(
  'priorityclass',
  'Create a priority class with the specified name',
  'priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]',
  [
    { name: 'value', type: 'int', default: 0 },
    { name: 'global-default', type: 'bool' },
    { name: 'description', type: 'string', default: '' },
    { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority' },
  ],
  (ctx, args, path) => {
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    return createGenerated(
      ctx,
      args,
      dryRun,
      () =>
        generatePriorityClass({
          name,
          value: flag.int(args, 'value'),
          globalDefault: flag.bool(args, 'global-default'),
          description: flag.str(args, 'description'),
          preemptionPolicy: flag.str(args, 'preemption-policy'),
        }),
      { prefix: 'failed to create priorityclass: ' },
    );
  },
);

const quotaCmd = generator(
  'quota',
  'Create a quota with the specified name',
  'quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]',
  [
    { name: 'hard', type: 'string', default: '' },
    { name: 'scopes', type: 'string', default: '' },
  ],
  (ctx, args, path) => {
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    return createGenerated(ctx, args, dryRun, () => generateQuota(name, enforcedNamespace(ctx, args), flag.str(args, 'hard'), flag.str(args, 'scopes')), { prefix: 'failed to create quota: ' });
  },
);

const DATA_SOURCE_FLAGS: FlagSpec[] = [
  { name: 'from-file', type: 'stringArray', default: [] },
  { name: 'from-literal', type: 'stringArray', default: [] },
  { name: 'from-env-file', type: 'stringArray', default: [] },
  { name: 'append-hash', type: 'bool' },
];

function dataSources(args: ParsedArgs): DataSources {
  if (flag.bool(args, 'append-hash')) throw clientError('--append-hash is not supported by this kubectl');
  return { literals: flag.arr(args, 'from-literal'), files: sliceFlag(args, 'from-file'), envFiles: sliceFlag(args, 'from-env-file') };
}

const configMapCmd = generator(
  'configmap',
  'Create a config map from a local file, directory or literal value',
  'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  DATA_SOURCE_FLAGS,
  (ctx, args, path) => {
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    const sources = dataSources(args);
    return createGenerated(ctx, args, dryRun, () => generateConfigMap(name, enforcedNamespace(ctx, args), sources, ctx.files), { prefix: 'failed to create configmap: ' });
  },
);

const SECRET_TYPES = ['docker-registry', 'generic', 'tls'];

const DOCKER_FLAGS = ['docker-username', 'docker-password', 'docker-email', 'docker-server'];
/** Flags of the shared secret flag set that each variant does not have. */
const SECRET_FOREIGN_FLAGS: Record<string, string[]> = {
  generic: [...DOCKER_FLAGS, 'cert', 'key'],
  tls: [...DOCKER_FLAGS, 'from-literal', 'from-file', 'from-env-file', 'type'],
  'docker-registry': ['cert', 'key', 'from-literal', 'from-env-file', 'type'],
};

/** Flags of the shared service flag set that each variant does not have. */
const SERVICE_FOREIGN_FLAGS: Record<string, string[]> = {
  clusterip: ['node-port', 'external-name'],
  nodeport: ['clusterip', 'external-name'],
  loadbalancer: ['clusterip', 'node-port', 'external-name'],
  externalname: ['clusterip', 'node-port'],
};

const secretCmd = generator(
  'secret',
  'Create a secret using a specified subcommand',
  'secret (docker-registry | generic | tls) [options]',
  [
    ...DATA_SOURCE_FLAGS,
    { name: 'type', type: 'string', default: '' },
    { name: 'docker-username', type: 'string', default: '' },
    { name: 'docker-password', type: 'string', default: '' },
    { name: 'docker-email', type: 'string', default: '' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'cert', type: 'string', default: '' },
    { name: 'key', type: 'string', default: '' },
  ],
  (ctx, args) => {
    // Divergence: cobra nests generic/tls/docker-registry as commands with their own flag sets; here one flag set
    // serves all three and the first argument picks the generator.
    const [kind, ...rest] = args.positional;
    if (kind === undefined) throw clientError('you must specify the type of secret: one of docker-registry, generic or tls');
    if (!SECRET_TYPES.includes(kind)) throw clientError(`unknown command "${kind}" for "kubectl create secret"`);
    const sub: ParsedArgs = { ...args, positional: rest };
    const path = `kubectl create secret ${kind}`;
    rejectForeignFlags(sub, SECRET_FOREIGN_FLAGS[kind]!, path);
    const name = nameArg(sub, path);
    const dryRun = dryRunStrategy(ctx, sub);
    const ns = enforcedNamespace(ctx, sub);
    const fail = { prefix: 'failed to create secret ' };
    switch (kind) {
      case 'generic':
        return createGenerated(ctx, sub, dryRun, () => generateGenericSecret(name, ns, flag.str(sub, 'type'), dataSources(sub), ctx.files), fail);
      case 'tls': {
        if (!flag.str(sub, 'cert') || !flag.str(sub, 'key')) throw clientError('key and cert must be specified');
        return createGenerated(ctx, sub, dryRun, () => generateTlsSecret(name, ns, flag.str(sub, 'cert'), flag.str(sub, 'key'), ctx.files), fail);
      }
      default: {
        const fromFiles = sliceFlag(sub, 'from-file');
        const o = { username: flag.str(sub, 'docker-username'), password: flag.str(sub, 'docker-password'), email: flag.str(sub, 'docker-email'), server: flag.str(sub, 'docker-server'), fromFiles };
        if (fromFiles.length === 0 && (!o.username || !o.password || !o.server)) {
          throw clientError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
        }
        return createGenerated(ctx, sub, dryRun, () => generateDockerRegistrySecret(name, ns, o, ctx.files), fail);
      }
    }
  },
);

const SERVICE_TYPES: Record<string, 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

const serviceCmd = generator(
  'service',
  'Create a service using a specified subcommand',
  'service (clusterip | externalname | loadbalancer | nodeport) [options]',
  [
    { name: 'tcp', type: 'stringArray', default: [] },
    { name: 'clusterip', type: 'string', default: '' },
    { name: 'node-port', type: 'int', default: 0 },
    { name: 'external-name', type: 'string', default: '' },
  ],
  (ctx, args) => {
    // Divergence: one flag set serves the four service generators (see `create secret`).
    const [kind, ...rest] = args.positional;
    if (kind === undefined) throw clientError('you must specify the type of service: one of clusterip, externalname, loadbalancer or nodeport');
    const type = SERVICE_TYPES[kind];
    if (!type) throw clientError(`unknown command "${kind}" for "kubectl create service"`);
    const sub: ParsedArgs = { ...args, positional: rest };
    rejectForeignFlags(sub, SERVICE_FOREIGN_FLAGS[kind]!, `kubectl create service ${kind}`);
    if (type === 'ExternalName') requireFlags(sub, ['external-name']);
    const name = nameArg(sub, `kubectl create service ${kind}`);
    const dryRun = dryRunStrategy(ctx, sub);
    const clusterIP = type === 'ClusterIP' ? flag.str(sub, 'clusterip') : '';
    const tcp = sliceFlag(sub, 'tcp');
    if (clusterIP === 'None' && type !== 'ClusterIP') throw clientError('ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw clientError('at least one tcp port specifier must be provided');
    const externalName = type === 'ExternalName' ? flag.str(sub, 'external-name') : '';
    if (type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName)) {
      throw clientError(`invalid service external name ${externalName}`);
    }
    return createGenerated(
      ctx,
      sub,
      dryRun,
      () => generateCreateService({ name, namespace: enforcedNamespace(ctx, sub), type, tcp, nodePort: type === 'NodePort' ? flag.int(sub, 'node-port') : 0, clusterIP, externalName }),
      { prefix: `failed to create ${type} service: ` },
    );
  },
);

const jobCmd = generator(
  'job',
  'Create a job with the specified name',
  'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  [
    { name: 'image', type: 'string', default: '' },
    { name: 'from', type: 'string', default: '' },
  ],
  (ctx, args, path) => {
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    const image = flag.str(args, 'image');
    const from = flag.str(args, 'from');
    const command = args.afterDash ?? [];
    if ((!image && !from) || (image && from)) throw clientError('either --image or --from must be specified');
    if (command.length > 0 && from) throw clientError('cannot specify --from and command');
    const ns = enforcedNamespace(ctx, args);
    if (image) return createGenerated(ctx, args, dryRun, () => generateJob({ name, namespace: ns, image, command }), { prefix: 'failed to create job: ' });
    const cronJob = lookupFrom(ctx, from);
    return createGenerated(ctx, args, dryRun, () => generateJobFromCronJob(name, ns, cronJob), { prefix: 'failed to create job: ' });
  },
);

/** Reads the object named by `--from=TYPE/NAME`; only CronJobs can seed a Job. */
function lookupFrom(ctx: CommandContext, from: string): KubeObject {
  const i = from.indexOf('/');
  if (i < 0) throw clientError(`resource(s) were provided, but no name was specified`);
  const type = lookupType(from.slice(0, i));
  const name = from.slice(i + 1);
  const obj = ctx.cluster.api.get(type.kind, type.namespaced ? ctx.namespace : undefined, name);
  if (!obj) throw apiError(notFoundStatus(type, name));
  if (obj.kind !== 'CronJob') throw clientError(`unknown object type *${goTypeOf(type.kind, type.version)}`);
  return obj;
}

function goTypeOf(kind: string, version: string): string {
  return `${version}.${kind}`;
}

const cronJobCmd = generator(
  'cronjob',
  'Create a cron job with the specified name',
  "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  [
    { name: 'image', type: 'string', default: '' },
    { name: 'schedule', type: 'string', default: '' },
    { name: 'restart', type: 'string', default: '' },
  ],
  (ctx, args, path) => {
    requireFlags(args, ['image', 'schedule']);
    const name = nameArg(args, path);
    const dryRun = dryRunStrategy(ctx, args);
    return createGenerated(
      ctx,
      args,
      dryRun,
      () =>
        generateCronJob({
          name,
          namespace: enforcedNamespace(ctx, args),
          image: flag.str(args, 'image'),
          schedule: flag.str(args, 'schedule'),
          restart: flag.str(args, 'restart') || 'OnFailure',
          command: args.afterDash ?? [],
        }),
      { prefix: 'failed to create cronjob: ' },
    );
  },
);

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'edit', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    DRY_RUN_FLAG,
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'raw', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-create' },
    ...PRINT_FLAGS,
    RECORD_FLAG,
  ],
  subcommands: [
    alias(configMapCmd, 'cm'),
    alias(cronJobCmd, 'cj'),
    alias(deploymentCmd, 'deploy'),
    jobCmd,
    alias(namespaceCmd, 'ns'),
    alias(priorityClassCmd, 'pc'),
    alias(quotaCmd, 'resourcequota'),
    secretCmd,
    alias(serviceCmd, 'svc'),
    alias(serviceAccountCmd, 'sa'),
  ],
  run: runCreateFromFiles,
};
