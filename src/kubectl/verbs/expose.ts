/**
 * `kubectl expose`: a Service for a Deployment, ReplicaSet, ReplicationController, Pod or Service, with the
 * selector, ports, protocols and labels taken from the object unless given (`--port`, `--target-port`,
 * `--selector`, `--type`, `--name`, `--protocol`, ...).
 * Models staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go and
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers (canBeExposed, mapBasedSelectorForObject, portsForObject,
 * multiProtocolsForObject).
 */
import { deepCopy, type KubeObject, type LabelSelector } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { updateLastApplied } from './create';
import { GeneratorError } from './generators/errors';
import { generateExposeService, parseLabelList } from './generators/services';
import { DRY_RUN_FLAG, dryRunStrategy } from './support/dry-run';
import { RECORD_FLAG, recordChangeCause, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';
import { resolveTargets } from './support/targets';
import { clientFailure, statusFailure, throwIfAny, type VerbError } from './support/verb-errors';

const EXPOSABLE = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment', 'ReplicaSet']);

type PodSpecLike = { containers?: { ports?: { containerPort: number; protocol?: string }[] }[] };
type ServiceSpecLike = { ports?: { port: number; protocol?: string }[]; selector?: Record<string, string> };

function podSpecOf(obj: KubeObject): PodSpecLike {
  if (obj.kind === 'Pod') return (obj.spec ?? {}) as PodSpecLike;
  return ((obj.spec as { template?: { spec?: PodSpecLike } } | undefined)?.template?.spec ?? {}) as PodSpecLike;
}

/** The pod selector of an exposable object, or kubectl's reason why there is none. */
// Models polymorphichelpers/mapbasedselectorforobject.go.
export function selectorForObject(obj: KubeObject): Record<string, string> {
  switch (obj.kind) {
    case 'ReplicationController':
      return { ...((obj.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}) };
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new GeneratorError('the pod has no labels and cannot be exposed');
      return { ...obj.metadata.labels };
    case 'Service': {
      const sel = (obj.spec as ServiceSpecLike | undefined)?.selector;
      if (!sel) throw new GeneratorError('the service has no pod selector set');
      return { ...sel };
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
      const word = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw new GeneratorError(`invalid ${word}: no selectors, therefore cannot be exposed`);
      if ((sel.matchExpressions ?? []).length > 0) {
        const exprs = sel.matchExpressions!.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`);
        throw new GeneratorError(`couldn't convert expressions - "[${exprs.join(' ')}]" to map-based selector format`);
      }
      return { ...sel.matchLabels! };
    }
    default:
      throw new GeneratorError(`cannot extract pod selector from *v1.${obj.kind}`);
  }
}

/** Distinct ports of an exposable object, in order (container ports, or a Service's ports). */
// Models polymorphichelpers/portsforobject.go.
export function portsForObject(obj: KubeObject): string[] {
  const out: string[] = [];
  if (obj.kind === 'Service') {
    for (const p of (obj.spec as ServiceSpecLike | undefined)?.ports ?? []) if (!out.includes(String(p.port))) out.push(String(p.port));
    return out;
  }
  for (const c of podSpecOf(obj).containers ?? []) for (const p of c.ports ?? []) if (!out.includes(String(p.containerPort))) out.push(String(p.containerPort));
  return out;
}

/** Protocols by port of an exposable object (TCP when unset). */
// Models polymorphichelpers/protocolsforobject.go (multiProtocolsForObject).
export function protocolsForObject(obj: KubeObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    const list = out.get(key) ?? [];
    const p = protocol || 'TCP';
    if (!list.includes(p)) list.push(p);
    out.set(key, list);
  };
  if (obj.kind === 'Service') for (const p of (obj.spec as ServiceSpecLike | undefined)?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj).containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'protocol', type: 'string', default: '' },
    { name: 'port', type: 'string', default: '' },
    { name: 'type', type: 'string', default: '' },
    { name: 'load-balancer-ip', type: 'string', default: '' },
    { name: 'selector', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'target-port', type: 'string', default: '' },
    { name: 'external-ip', type: 'string', default: '' },
    { name: 'name', type: 'string', default: '' },
    { name: 'session-affinity', type: 'string', default: '' },
    { name: 'cluster-ip', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
    { name: 'overrides', type: 'string', default: '' },
    { name: 'override-type', type: 'string', default: 'merge' },
    DRY_RUN_FLAG,
    { name: 'save-config', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    RECORD_FLAG,
  ],
  run: runExpose,
};

function runExpose(ctx: CommandContext, args: ParsedArgs): number {
  const dryRun = dryRunStrategy(ctx, args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  const changeCause = recordedChangeCause(ctx, args, 'expose');
  if (flag.str(args, 'overrides')) throw clientError('--overrides is not supported by this kubectl');
  const visit = resolveTargets(ctx, {
    resources: args.positional,
    filenames: flag.arr(args, 'filename'),
    recursive: flag.bool(args, 'recursive'),
    enforceNamespace: flag.has(args, 'namespace'),
    latest: false,
  });
  const errors: VerbError[] = [...visit.errors];
  // As upstream, values derived from one object carry over to the next ones of the same command.
  const selectorText = flag.str(args, 'selector');
  let selector: Record<string, string> | undefined;
  let port = flag.str(args, 'port');
  let ports: string[] = [];
  let protocols = new Map<string, string[]>();
  const labelsFlag = flag.str(args, 'labels');
  let labels: Record<string, string> | undefined;
  for (const t of visit.targets) {
    const obj = t.obj;
    if (!EXPOSABLE.has(obj.kind)) {
      errors.push(clientFailure(`cannot expose a ${t.type.group ? `${obj.kind}.${t.type.group}` : obj.kind}`));
      continue;
    }
    try {
      if (!selectorText && !selector) {
        try {
          selector = selectorForObject(obj);
        } catch (e) {
          throw new GeneratorError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
        }
      }
      const headless = flag.str(args, 'cluster-ip') === 'None';
      if (!port && ports.length === 0) {
        const found = portsForObject(obj);
        if (found.length === 0 && !headless) throw new GeneratorError("couldn't find port via --port flag or introspection");
        if (found.length === 1) port = found[0]!;
        else if (found.length > 1) ports = found;
      }
      const fromObject = protocolsForObject(obj);
      if (fromObject.size > 0) protocols = fromObject;
      if (!labelsFlag && !labels) labels = { ...(obj.metadata.labels ?? {}) };
      const sel = selectorText ? parseLabelList(selectorText) : selector!;
      if (selectorText === '' && Object.keys(sel).length === 0) throw new GeneratorError('selector must be specified');
      const name = flag.str(args, 'name') || t.name.slice(0, 63);
      const svc = generateExposeService({
        name,
        selector: sel,
        ...(labelsFlag ? { labels: parseLabelList(labelsFlag) } : labels && Object.keys(labels).length > 0 ? { labels } : {}),
        ports: ports.length > 0 ? ports : port ? [port] : [],
        protocol: flag.str(args, 'protocol'),
        protocols,
        targetPort: flag.str(args, 'target-port'),
        type: flag.str(args, 'type'),
        externalIP: flag.str(args, 'external-ip'),
        loadBalancerIP: flag.str(args, 'load-balancer-ip'),
        sessionAffinity: flag.str(args, 'session-affinity'),
        clusterIP: flag.str(args, 'cluster-ip'),
      });
      recordChangeCause(svc, changeCause);
      if (dryRun === 'client') {
        if (flag.has(args, 'namespace')) svc.metadata.namespace = ctx.namespace;
        printer.print(svc, 'exposed');
        continue;
      }
      updateLastApplied(svc, flag.bool(args, 'save-config'), false);
      const toCreate = deepCopy(svc);
      toCreate.metadata.namespace = ctx.namespace;
      const r = ctx.cluster.api.create(toCreate, { dryRun: dryRun === 'server' });
      if (!r.ok) {
        errors.push(statusFailure(r.status));
        continue;
      }
      printer.print(r.value, 'exposed');
    } catch (e) {
      if (!(e instanceof GeneratorError)) throw e;
      errors.push(clientFailure(e.message));
    }
  }
  throwIfAny(errors);
  return 0;
}
