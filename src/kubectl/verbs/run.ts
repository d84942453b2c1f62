/**
 * `kubectl run NAME --image=IMAGE`: creates a bare Pod (labels `run=NAME` unless `-l`), optionally a ClusterIP
 * Service for it (`--expose --port`), with `--dry-run` and `-o`. Attaching (`-i`, `-t`, `--attach`, `--rm`) needs
 * a terminal session and is refused here.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and
 * staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go (BasicPod), service.go (ServiceGeneratorV2).
 */
import { deepCopy, type KubeObject } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { apiError, clientError, KubectlError } from '../errors';
import { updateLastApplied } from './create';
import { envVarNameErrors } from './generators/config-data';
import { GeneratorError } from './generators/errors';
import { generateExposeService, parseLabelList } from './generators/services';
import { generatePod } from './generators/workloads';
import { DRY_RUN_FLAG, dryRunStrategy, type DryRunStrategy } from './support/dry-run';
import { parsePairs } from './support/pairs';
import { RECORD_FLAG, recordChangeCause, recordedChangeCause } from './support/record';
import { parseResultFormat, ResultPrinter } from './support/result-printer';

// Models github.com/distribution/reference ReferenceRegexp (domain[:port]/path[:tag][@digest]).
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** True when `image` is a valid image reference (what `kubectl run` accepts). */
export function isValidImageReference(image: string): boolean {
  return image.length <= 255 && REFERENCE.test(image);
}

const usage = (msg: string) => new KubectlError(`error: ${msg}\nSee 'kubectl run -h' for help and examples`);

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    DRY_RUN_FLAG,
    { name: 'annotations', type: 'stringArray', default: [] },
    { name: 'image', type: 'string', default: '' },
    { name: 'image-pull-policy', type: 'string', default: '' },
    { name: 'rm', type: 'bool' },
    { name: 'env', type: 'stringArray', default: [] },
    { name: 'port', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'command', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'overrides', type: 'string', default: '' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
    { name: 'save-config', type: 'bool' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'force', type: 'bool' },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'wait', type: 'bool' },
    RECORD_FLAG,
  ],
  run: runRun,
};

function runRun(ctx: CommandContext, args: ParsedArgs): number {
  // Cobra checks required flags before the command runs.
  if (!flag.has(args, 'image')) throw clientError('required flag(s) "image" not set');
  const changeCause = recordedChangeCause(ctx, args, 'run');
  const dryRun = dryRunStrategy(ctx, args);
  const printer = new ResultPrinter(ctx, parseResultFormat(flag.str(args, 'output')), dryRun);
  const [name, ...inlineArgs] = args.positional;
  if (name === undefined) throw usage('NAME is required for run');
  const image = flag.str(args, 'image');
  if (!image) throw clientError('--image is required');
  if (!isValidImageReference(image)) throw clientError(`Invalid image name "${image}": invalid reference format`);
  const interactive = flag.bool(args, 'stdin');
  const tty = flag.bool(args, 'tty');
  const attach = flag.has(args, 'attach') ? flag.bool(args, 'attach') : interactive;
  if (tty && !interactive) throw usage('-i/--stdin is required for containers with -t/--tty=true');
  const port = flag.str(args, 'port');
  if (flag.bool(args, 'expose') && !port) throw usage('--port must be set when exposing a service');
  const restart = flag.str(args, 'restart') || (interactive ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(`invalid restart policy: ${restart}`);
  if (!attach && flag.bool(args, 'rm')) throw usage('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = flag.str(args, 'image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw usage(`invalid image pull policy: ${pullPolicy}`);
  if (attach) {
    // Divergence: attaching needs an interactive terminal session, which one-shot commands do not have.
    throw clientError('attaching to a container (-i, -t, --attach, --rm) is not supported in this terminal yet; run the pod without them and read its output with kubectl logs');
  }
  if (flag.str(args, 'overrides')) throw clientError('--overrides is not supported by this kubectl');

  const labelsText = flag.str(args, 'labels');
  const pod = buildPod(ctx, args, name, image, [...inlineArgs, ...(args.afterDash ?? [])], restart, pullPolicy, port, labelsText);
  recordChangeCause(pod, changeCause);
  const enforced = flag.has(args, 'namespace');
  const createdPod = createOrPrint(ctx, args, pod, dryRun, enforced);
  let serviceError: KubectlError | undefined;
  if (flag.bool(args, 'expose')) {
    try {
      const svc = generateExposeService({
        name,
        selector: labelsText ? parseOrFail(labelsText) : { run: name },
        ...(labelsText ? { labels: parseOrFail(labelsText) } : {}),
        ports: [port],
        protocol: '',
        protocols: new Map(),
        targetPort: '',
        type: '',
        externalIP: '',
        loadBalancerIP: '',
        sessionAffinity: '',
        clusterIP: '',
      });
      recordChangeCause(svc, changeCause);
      const createdSvc = createOrPrint(ctx, args, svc, dryRun, enforced);
      printer.print(createdSvc, 'created');
      // run separates the two YAML documents itself (and the printer adds its own separator too).
      if (flag.str(args, 'output') === 'yaml') printer.raw('---\n');
    } catch (e) {
      // The pod exists already: it is still reported, then the service's failure.
      if (!(e instanceof KubectlError)) throw e;
      serviceError = e;
    }
  }
  printer.print(createdPod, 'created');
  if (serviceError) throw serviceError;
  return 0;
}

function parseOrFail(spec: string): Record<string, string> {
  try {
    return parseLabelList(spec);
  } catch (e) {
    if (!(e instanceof GeneratorError)) throw e;
    throw clientError(e.message);
  }
}

function buildPod(ctx: CommandContext, args: ParsedArgs, name: string, image: string, podArgs: string[], restart: string, pullPolicy: string, port: string, labelsText: string): KubeObject {
  const env = flag.arr(args, 'env').map((e) => {
    const i = e.indexOf('=');
    if (i <= 0 || envVarNameErrors(e.slice(0, i)).length > 0) throw clientError(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  const annotations = Object.fromEntries(parsePairs(flag.arr(args, 'annotations'), 'annotations', false).set);
  let portNum: number | undefined;
  if (port) {
    if (!/^[+-]?\d+$/.test(port)) throw clientError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    portNum = Number(port);
  }
  const stdin = flag.bool(args, 'stdin');
  return generatePod({
    name,
    ...(flag.has(args, 'namespace') ? { namespace: ctx.namespace } : {}),
    image,
    labels: labelsText ? parseOrFail(labelsText) : { run: name },
    annotations,
    env,
    args: podArgs,
    useCommand: flag.bool(args, 'command'),
    ...(portNum !== undefined ? { port: portNum } : {}),
    restartPolicy: restart,
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    stdin,
    tty: flag.bool(args, 'tty'),
    stdinOnce: stdin && !flag.bool(args, 'leave-stdin-open'),
    privileged: flag.bool(args, 'privileged'),
  });
}

/** Creates a generated object (or only returns it for a client dry run). */
// Models run.go createGeneratedObject.
function createOrPrint(ctx: CommandContext, args: ParsedArgs, obj: KubeObject, dryRun: DryRunStrategy, enforced: boolean): KubeObject {
  if (dryRun === 'client') {
    if (enforced) obj.metadata.namespace = ctx.namespace;
    return obj;
  }
  updateLastApplied(obj, flag.bool(args, 'save-config'), false);
  const toCreate = deepCopy(obj);
  toCreate.metadata.namespace = ctx.namespace;
  const r = ctx.cluster.api.create(toCreate, { dryRun: dryRun === 'server' });
  if (!r.ok) throw apiError(r.status);
  return r.value;
}
