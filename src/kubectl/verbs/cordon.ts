/**
 * `kubectl cordon`, `uncordon` and `drain`: mark nodes (un)schedulable, and evict a node's pods — skipping mirror
 * pods, refusing DaemonSet pods (`--ignore-daemonsets`), pods with emptyDir data (`--delete-emptydir-data`) and
 * unmanaged pods (`--force`) — waiting on the virtual clock until they are gone.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go and staging/src/k8s.io/kubectl/pkg/drain
 * (drain.go GetPodsForDeletion, evictPods, waitForDelete; filters.go; cordon.go).
 */
import { controllerRef, deepCopy, goDurationString, parseDuration, parseSelector, type KubeObject, type Pod } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { advanceUntil } from '../wait';
import { DRY_RUN_FLAG, dryRunStrategy, type DryRunStrategy } from './support/dry-run';
import { ResultPrinter } from './support/result-printer';
import { resolveTargets, type Target } from './support/targets';
import { throwIfAny } from './support/verb-errors';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** Resolves the nodes of cordon/uncordon/drain (names or `--selector`); lookup failures stop the command. */
function nodesOf(ctx: CommandContext, args: ParsedArgs, use: string, verb: string): Target[] {
  const selector = flag.str(args, 'selector');
  if (args.positional.length === 0 && !flag.has(args, 'selector')) {
    throw new KubectlError(`error: USAGE: ${use} [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  if (args.positional.length > 0 && selector) {
    throw new KubectlError(`error: cannot specify both a node name and a --selector option\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  const visit = selector
    ? resolveTargets(ctx, { resources: ['nodes'], selector })
    : resolveTargets(ctx, { resources: ['nodes', ...args.positional] });
  // The builder stops at the first lookup failure here (no ContinueOnError).
  if (visit.errors.length > 0) throwIfAny([visit.errors[0]!]);
  return visit.targets;
}

/** Sets spec.unschedulable on each node, reporting `cordoned`/`already cordoned` (or the uncordon forms). */
// Models drain.go RunCordonOrUncordon and drain/cordon.go CordonHelper.
function cordonOrUncordon(ctx: CommandContext, nodes: Target[], desired: boolean, dryRun: DryRunStrategy, printer: ResultPrinter): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const n of nodes) {
    const current = (n.obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    if (current === desired) {
      printer.print(n.obj, `already ${verb}ed`);
      continue;
    }
    if (dryRun !== 'client') {
      const next = deepCopy(n.obj);
      const spec = (next.spec ?? {}) as { unschedulable?: boolean };
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      next.spec = spec;
      const r = ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
      if (!r.ok) {
        ctx.out.err(`error: unable to ${verb} node ${JSON.stringify(n.name)}: ${r.status.message}\n`);
        continue;
      }
    }
    printer.print(n.obj, `${verb}ed`);
  }
}

const cordonFlags = [{ name: 'selector', short: 'l', type: 'string' as const, default: '' }, DRY_RUN_FLAG];

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  usage: 'kubectl cordon NODE [options]',
  flags: cordonFlags,
  run: (ctx, args) => {
    const nodes = nodesOf(ctx, args, 'cordon NODE', 'cordon');
    const dryRun = dryRunStrategy(ctx, args);
    cordonOrUncordon(ctx, nodes, true, dryRun, new ResultPrinter(ctx, { kind: 'operation' }, dryRun));
    return 0;
  },
};

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  usage: 'kubectl uncordon NODE [options]',
  flags: cordonFlags,
  run: (ctx, args) => {
    const nodes = nodesOf(ctx, args, 'uncordon NODE', 'uncordon');
    const dryRun = dryRunStrategy(ctx, args);
    cordonOrUncordon(ctx, nodes, false, dryRun, new ResultPrinter(ctx, { kind: 'operation' }, dryRun));
    return 0;
  },
};

/** What drain decided for one pod: delete it, skip it, warn, or refuse the drain. */
interface PodDecision {
  pod: KubeObject;
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
}

/**
 * Runs drain's pod filters in order; the last filter run decides (a later Okay hides an earlier warning, as
 * upstream's loop does).
 */
// Models drain/filters.go makeFilters and drain.go filterPods.
export function decidePod(ctx: CommandContext, pod: KubeObject, o: DrainOptions): PodDecision {
  const p = pod as unknown as Pod;
  const phase = p.status?.phase;
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const filters: (() => PodDecision)[] = [
    () => {
      const deletedAt = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : undefined;
      if (o.skipWaitForDeleteTimeoutSeconds > 0 && deletedAt !== undefined && Math.floor((ctx.cluster.nowMs - deletedAt) / 1000) > o.skipWaitForDeleteTimeoutSeconds) {
        return { pod, delete: false, reason: 'Skip' };
      }
      return { pod, delete: true, reason: 'Okay' };
    },
    () => {
      const ref = controllerRef(pod);
      if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished) return { pod, delete: true, reason: 'Okay' };
      if (!ctx.cluster.api.get('DaemonSet', pod.metadata.namespace, ref.name)) {
        const msg = `daemonsets.apps ${JSON.stringify(ref.name)} not found`;
        return o.force ? { pod, delete: true, reason: 'Warning', message: msg } : { pod, delete: false, reason: 'Error', message: msg };
      }
      if (!o.ignoreDaemonSets) return { pod, delete: false, reason: 'Error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
      return { pod, delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods' };
    },
    () => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? { pod, delete: false, reason: 'Skip' } : { pod, delete: true, reason: 'Okay' }),
    () => {
      const hasLocal = (p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined);
      if (!hasLocal || finished) return { pod, delete: true, reason: 'Okay' };
      if (!o.deleteEmptyDirData) return { pod, delete: false, reason: 'Error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
      return { pod, delete: true, reason: 'Warning', message: 'deleting Pods with local storage' };
    },
    () => {
      if (finished || controllerRef(pod)) return { pod, delete: true, reason: 'Okay' };
      if (o.force) return { pod, delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller' };
      return { pod, delete: false, reason: 'Error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
    },
  ];
  let decision: PodDecision = { pod, delete: true, reason: 'Okay' };
  for (const f of filters) {
    decision = f();
    if (!decision.delete) break;
  }
  return decision;
}

/** `msg: ns/a, ns/b` groups, in first-seen order (Go ranges over a map). */
function grouped(decisions: PodDecision[], reason: 'Warning' | 'Error'): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    if (d.reason !== reason) continue;
    const msg = d.message || 'unexpected error';
    groups.set(msg, [...(groups.get(msg) ?? []), `${d.pod.metadata.namespace}/${d.pod.metadata.name}`]);
  }
  return [...groups];
}

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE [options]',
  flags: [
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'pod-selector', type: 'string', default: '' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
    DRY_RUN_FLAG,
    { name: 'selector', short: 'l', type: 'string', default: '' },
  ],
  run: runDrain,
};

// Divergence: a zero --timeout means "wait forever" upstream; a simulated drain gives up after this much virtual time.
const UNBOUNDED_WAIT_MS = 60 * 60 * 1000;

function runDrain(ctx: CommandContext, args: ParsedArgs): number {
  const nodes = nodesOf(ctx, args, 'drain NODE', 'drain');
  const dryRun = dryRunStrategy(ctx, args);
  const podSelectorText = flag.str(args, 'pod-selector');
  const podSelector = parseSelector(podSelectorText);
  if (!podSelector.ok) throw clientError('--pod-selector=<pod_selector> must be a valid label selector');
  const timeoutText = flag.str(args, 'timeout');
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) throw clientError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
  const printer = new ResultPrinter(ctx, { kind: 'operation' }, dryRun);
  const opts: DrainOptions = {
    force: flag.bool(args, 'force'),
    ignoreDaemonSets: flag.bool(args, 'ignore-daemonsets'),
    deleteEmptyDirData: flag.bool(args, 'delete-emptydir-data'),
    skipWaitForDeleteTimeoutSeconds: flag.int(args, 'skip-wait-for-delete-timeout'),
  };
  cordonOrUncordon(ctx, nodes, true, dryRun, printer);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const n of nodes) {
    const pods = ctx.cluster.api.list('Pod', undefined, { labelSelector: podSelector.selector, fieldSelector: [{ field: 'spec.nodeName', op: '=', value: n.name }] });
    const decisions = pods.map((p) => decidePod(ctx, p, opts));
    const errors = grouped(decisions, 'Error').map(([msg, names]) => `cannot delete ${msg}: ${names.join(', ')}`);
    if (errors.length > 0) {
      ctx.out.err(`error: unable to drain node ${JSON.stringify(n.name)} due to error: ${aggregateText(errors)}, continuing command...\n`);
      fatal.push(errors);
      remaining.push(n.name);
      continue;
    }
    const warnings = grouped(decisions, 'Warning').map(([msg, names]) => `${msg}: ${names.join(', ')}`);
    if (warnings.length > 0) ctx.out.err(`Warning: ${warnings.join('; ')}\n`);
    const toEvict = decisions.filter((d) => d.delete).map((d) => d.pod);
    if (dryRun === 'client') {
      for (const p of toEvict) ctx.out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      printer.print(n.obj, 'drained');
      continue;
    }
    const failure = evictAndWait(ctx, toEvict, flag.int(args, 'grace-period'), dryRun, timeoutMs > 0 ? timeoutMs : UNBOUNDED_WAIT_MS, printer);
    if (failure) {
      ctx.out.err(`error: unable to drain node ${JSON.stringify(n.name)} due to error: ${failure}, continuing command...\n`);
      fatal.push([failure]);
      remaining.push(n.name);
      continue;
    }
    printer.print(n.obj, 'drained');
  }
  if (remaining.length > 0) {
    ctx.out.err(`There are pending nodes to be drained:\n${remaining.map((r) => ` ${r}\n`).join('')}`);
    // checkErr unwraps a single node's aggregate into its lines; several nodes print one aggregate per line.
    const lines = fatal.length === 1 ? fatal[0]! : fatal.map(aggregateText);
    throw new KubectlError(lines.join('\n'));
  }
  return 0;
}

/** utilerrors.Aggregate's Error(): one message, or `[a, b]`. */
function aggregateText(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/**
 * Evicts pods (an eviction is a graceful delete here) and polls once a virtual second until each is gone,
 * printing `pod/x evicted` as they go. Returns the failure text, if any.
 */
// Models drain/drain.go evictPods and waitForDelete.
// Divergence: evictions are not checked against PodDisruptionBudgets (no eviction subresource in the simulator).
function evictAndWait(ctx: CommandContext, pods: KubeObject[], grace: number, dryRun: DryRunStrategy, timeoutMs: number, printer: ResultPrinter): string | undefined {
  const api = ctx.cluster.api;
  const pending: KubeObject[] = [];
  for (const p of pods) {
    ctx.out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    const r = api.delete('Pod', p.metadata.namespace, p.metadata.name, { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), dryRun: dryRun === 'server' });
    if (!r.ok && r.status.reason !== 'NotFound') return `error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)}: ${r.status.message}`;
    if (r.ok) pending.push(p);
  }
  if (dryRun === 'server') return undefined;
  const gone = (p: KubeObject) => {
    const cur = api.get('Pod', p.metadata.namespace, p.metadata.name);
    return !cur || cur.metadata.uid !== p.metadata.uid;
  };
  let waiting = pending;
  const report = () => {
    const still: KubeObject[] = [];
    for (const p of waiting) {
      if (gone(p)) printer.print(p, 'evicted');
      else still.push(p);
    }
    waiting = still;
    return waiting.length === 0;
  };
  if (report()) return undefined;
  const done = advanceUntil(ctx.cluster, report, timeoutMs, 1000);
  if (!done) {
    const p = waiting[0]!;
    return `error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: global timeout reached: ${goDurationString(timeoutMs)}`;
  }
  return undefined;
}
