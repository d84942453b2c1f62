/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER]`: argument handling, pod and container selection and kubectl's
 * errors. The text itself comes from the cluster's container log source (`cluster.logs(namespace, pod,
 * container, options)`, served by the kubelets); a host without one prints nothing.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go (default container, "Found N pods").
 */
import { fromLabelSelector, fromMap, parseDuration, parseSelector, type ApiStatus, type KubeObject, type LabelSelector, type Pod, type Selector } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError, renderStatus } from '../errors';
import { lookupType } from '../resource-args';

/** What a log request asks for. */
export interface LogOptions {
  previous: boolean;
  /** Lines from the end; undefined for all. */
  tailLines?: number;
  timestamps: boolean;
  sinceSeconds?: number;
  limitBytes?: number;
}

/** The result of a log request: the text, or the apiserver/kubelet error (`container "x" ... is waiting to start`). */
export type LogResult = { ok: true; value: string } | { ok: false; status: ApiStatus };

/**
 * The optional hook the cluster offers for container logs. When the cluster has no `logs` function, `kubectl
 * logs` prints nothing and succeeds.
 */
export interface ContainerLogSource {
  logs(namespace: string, pod: string, container: string, options: LogOptions): LogResult | string;
}

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const usageError = (msg: string) => new KubectlError(`error: ${msg}\nSee 'kubectl logs -h' for help and examples`);

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-pods', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'timestamps', type: 'bool' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'since-time', type: 'string', default: '' },
    { name: 'since', type: 'string', default: '0s' },
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string', default: '20s' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'prefix', type: 'bool' },
  ],
  run: runLogs,
};

function runLogs(ctx: CommandContext, args: ParsedArgs): number {
  const selectorText = flag.str(args, 'selector');
  let resourceArg: string | undefined;
  let container = flag.str(args, 'container');
  switch (args.positional.length) {
    case 0:
      if (!selectorText) throw usageError(USAGE);
      break;
    case 1:
      resourceArg = args.positional[0];
      if (selectorText) throw usageError('only a selector (-l) or a POD name is allowed');
      break;
    case 2:
      resourceArg = args.positional[0];
      container = args.positional[1]!;
      break;
    default:
      throw usageError(USAGE);
  }
  const since = parseDuration(flag.str(args, 'since'));
  if (since === undefined) throw clientError(`invalid argument "${flag.str(args, 'since')}" for "--since" flag: time: invalid duration "${flag.str(args, 'since')}"`);
  const tailGiven = flag.has(args, 'tail');
  const options: LogOptions = {
    previous: flag.bool(args, 'previous'),
    timestamps: flag.bool(args, 'timestamps'),
    ...(flag.int(args, 'limit-bytes') !== 0 ? { limitBytes: flag.int(args, 'limit-bytes') } : {}),
    ...(since !== 0 ? { sinceSeconds: Math.round(since / 1000) } : {}),
  };
  // A selector shows the last 10 lines of each pod unless --tail says otherwise.
  if (selectorText && !tailGiven) options.tailLines = 10;
  else if (flag.int(args, 'tail') !== -1) options.tailLines = flag.int(args, 'tail');

  const pods = findPods(ctx, resourceArg, selectorText);
  if (flag.str(args, 'since-time') && since !== 0) throw clientError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const allContainers = flag.bool(args, 'all-containers');
  if (allContainers && container) throw clientError(`--all-containers=true should not be specified with container name ${container}`);
  if (flag.has(args, 'container') && args.positional.length === 2) throw clientError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (flag.int(args, 'limit-bytes') < 0) throw clientError('--limit-bytes must be greater than 0');
  if (since < 0) throw clientError('--since must be greater than 0');
  if (options.tailLines !== undefined && options.tailLines < -1) throw clientError('--tail must be greater than or equal to -1');

  const allPods = flag.bool(args, 'all-pods');
  const prefix = flag.bool(args, 'prefix') || allPods;
  const requests: { pod: KubeObject; container: string }[] = [];
  for (const pod of pods) {
    const spec = (pod as unknown as Pod).spec;
    if (allContainers) {
      for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])]) requests.push({ pod, container: c.name });
      continue;
    }
    requests.push({ pod, container: container || defaultContainer(ctx, pod, allPods || pods.length > 1) });
  }
  if (flag.bool(args, 'follow') && !requests.every((r) => hasFinished(r.pod, r.container))) {
    // Divergence: following a running container needs a streaming terminal session, which one-shot commands do
    // not have. A finished container's log is complete, so -f prints it and returns, as kubectl does.
    throw clientError('--follow is not supported in this terminal yet: run kubectl logs without -f to print the current log');
  }
  const source = (ctx.cluster as unknown as Partial<ContainerLogSource>).logs;
  for (const r of requests) {
    const spec = (r.pod as unknown as Pod).spec;
    const known = [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].some((c) => c.name === r.container);
    if (!known) throw clientError(`container ${r.container} is not valid for pod ${r.pod.metadata.name}`);
    if (!source) continue;
    const result = source.call(ctx.cluster, r.pod.metadata.namespace ?? ctx.namespace, r.pod.metadata.name, r.container, options);
    const res: LogResult = typeof result === 'string' ? { ok: true, value: result } : result;
    if (!res.ok) {
      if (flag.bool(args, 'ignore-errors')) continue;
      throw new KubectlError(renderStatus(res.status));
    }
    const text = prefix ? res.value.replace(/^(?=.)/gm, `[pod/${r.pod.metadata.name}/${r.container}] `) : res.value;
    ctx.out.out(text);
  }
  return 0;
}

/** True when a container has stopped for good (its pod finished, or it terminated and will not restart). */
function hasFinished(pod: KubeObject, container: string): boolean {
  const p = pod as unknown as Pod;
  if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return true;
  const st = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])].find((c) => c.name === container);
  return st?.state?.terminated !== undefined && p.spec?.restartPolicy === 'Never';
}

/**
 * The container logs default to: the `kubectl.kubernetes.io/default-container` annotation, else the first
 * container, with the "Defaulted container" notice when the pod has several.
 */
function defaultContainer(ctx: CommandContext, pod: KubeObject, quiet: boolean): string {
  const spec = (pod as unknown as Pod).spec;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const all = [...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])];
  if (annotated) {
    if (all.some((c) => c.name === annotated)) return annotated;
    ctx.out.err(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
  }
  const first = spec?.containers?.[0]?.name ?? '';
  if (((spec?.containers?.length ?? 0) > 1 || (spec?.initContainers?.length ?? 0) > 0 || (spec?.ephemeralContainers?.length ?? 0) > 0) && !quiet) {
    const names = [
      ...(spec?.containers ?? []).map((c) => c.name),
      ...(spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
      ...(spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
    ];
    ctx.out.err(`Defaulted container ${JSON.stringify(first)} out of: ${names.join(', ')}\n`);
  }
  return first;
}

/** The pods whose logs are shown: a named pod, the chosen pod of a workload, or every pod matching `-l`. */
function findPods(ctx: CommandContext, resourceArg: string | undefined, selectorText: string): KubeObject[] {
  const api = ctx.cluster.api;
  if (selectorText) {
    const sel = parseSelector(selectorText);
    if (!sel.ok) throw clientError(sel.error);
    const pods = api.list('Pod', ctx.namespace, { labelSelector: sel.selector });
    if (pods.length === 0) ctx.out.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return pods;
  }
  const arg = resourceArg!;
  const slash = arg.indexOf('/');
  const type = slash >= 0 ? lookupType(arg.slice(0, slash)) : lookupType('pods');
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const obj = api.get(type.kind, type.namespaced ? ctx.namespace : undefined, name);
  if (!obj) {
    const qualified = type.group ? `${type.resource}.${type.group}` : type.resource;
    throw clientError(`error from server (NotFound): ${qualified} ${JSON.stringify(name)} not found in namespace ${JSON.stringify(ctx.namespace)}`);
  }
  if (obj.kind === 'Pod') return [obj];
  const selector = podSelectorOf(obj);
  if (!selector) throw clientError(`cannot get the logs from ${type.group ? `${obj.kind}.${type.group}` : obj.kind}`);
  const pods = api.list('Pod', obj.metadata.namespace, { labelSelector: selector }).sort(byLogging);
  // Divergence: upstream waits --pod-running-timeout for a pod to appear; the simulation answers at once.
  if (pods.length === 0) throw clientError('timed out waiting for the condition');
  if (pods.length > 1) ctx.out.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n`);
  return [pods[0]!];
}

/** The pod selector of a workload or Service. */
// Models polymorphichelpers/helpers.go SelectorsForObject.
function podSelectorOf(obj: KubeObject): Selector | undefined {
  const spec = obj.spec as { selector?: unknown } | undefined;
  switch (obj.kind) {
    case 'ReplicationController':
    case 'Service':
      return fromMap(spec?.selector as Record<string, string> | undefined) ?? undefined;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return fromLabelSelector(spec?.selector as LabelSelector | undefined) ?? undefined;
    default:
      return undefined;
  }
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: Pod): number {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

/** Models k8s.io/kubectl/pkg/util/podutils ByLogging: the pod whose logs are most useful first. */
function byLogging(aObj: KubeObject, bObj: KubeObject): number {
  const a = aObj as unknown as Pod;
  const b = bObj as unknown as Pod;
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return an ? -1 : 1;
  const ar = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const br = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (ar !== br) return ar - br;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a)) ? -1 : 1;
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const at = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const bt = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (at !== bt) return afterOrZero(bt, at) ? -1 : 1;
  return 0;
}

/** True when t1 is after t2, or t1 is zero and t2 is not (podutils afterOrZero). */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

