/**
 * The objects `kubectl create deployment|job|cronjob` and `kubectl run` generate, shaped as Go's encoding/json
 * writes the typed structs: fields in struct order, empty structs (`resources: {}`, `strategy: {}`,
 * `status: {}`) kept, empty optional fields dropped. v1.34 omits the zero `creationTimestamp` (omitzero).
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go (createDeployment, buildPodSpec),
 * create_job.go (createJob, createJobFromCronJob), create_cronjob.go (createCronJob) and
 * staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go (BasicPod.Generate).
 */
import type { KubeObject } from '../../../engine';

/** Options of `kubectl create deployment`. */
export interface DeploymentOptions {
  name: string;
  /** Namespace to write into the object (only when `-n` was given). */
  namespace?: string;
  images: string[];
  /** Container names derived from the images (see containerNameForImage). */
  containerNames: string[];
  replicas: number;
  /** -1 when not given. */
  port: number;
  command: string[];
}

/**
 * The container name `create deployment` derives from an image: last path segment without tag or digest; names
 * with `_` or `.` get those replaced by `-` and a random 5-character suffix (`randomSuffix`).
 */
export function containerNameForImage(image: string, randomSuffix: () => string): string {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomSuffix()}`;
  return name;
}

function meta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, ...(namespace ? { namespace } : {}), ...extra };
}

/** The Deployment of `kubectl create deployment`. */
export function generateDeployment(o: DeploymentOptions): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image, i) => ({
    name: o.containerNames[i]!,
    image,
    ...(o.command.length > 0 ? { command: [...o.command] } : {}),
    ...(i === 0 && o.port >= 0 ? { ports: [{ containerPort: o.port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(o.name, o.namespace, { labels: { ...labels } }) as KubeObject['metadata'],
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** Options of `kubectl create job --image`. */
export interface JobOptions {
  name: string;
  namespace?: string;
  image: string;
  command: string[];
}

/** The Job of `kubectl create job NAME --image=...`. */
export function generateJob(o: JobOptions): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace) as KubeObject['metadata'],
    spec: {
      template: {
        metadata: {},
        spec: {
          containers: [{ name: o.name, image: o.image, ...(o.command.length > 0 ? { command: [...o.command] } : {}), resources: {} }],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  };
}

/** The Job of `kubectl create job NAME --from=cronjob/X`: the CronJob's job template, owned by it. */
export function generateJobFromCronJob(name: string, namespace: string | undefined, cronJob: KubeObject): KubeObject {
  const jobTemplate = ((cronJob.spec as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } } | undefined)?.jobTemplate) ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(jobTemplate.metadata?.annotations ?? {}) };
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(name, namespace, {
      ...(jobTemplate.metadata?.labels ? { labels: { ...jobTemplate.metadata.labels } } : {}),
      annotations,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid ?? '', controller: true }],
    }) as KubeObject['metadata'],
    spec: structuredClone(jobTemplate.spec ?? { template: { metadata: {}, spec: { containers: [] } } }),
    status: {},
  };
}

/** Options of `kubectl create cronjob`. */
export interface CronJobOptions {
  name: string;
  namespace?: string;
  image: string;
  schedule: string;
  restart: string;
  command: string[];
}

/** The CronJob of `kubectl create cronjob`. */
export function generateCronJob(o: CronJobOptions): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace) as KubeObject['metadata'],
    spec: {
      schedule: o.schedule,
      jobTemplate: {
        metadata: { name: o.name },
        spec: {
          template: {
            metadata: {},
            spec: {
              containers: [{ name: o.name, image: o.image, ...(o.command.length > 0 ? { command: [...o.command] } : {}), resources: {} }],
              restartPolicy: o.restart,
            },
          },
        },
      },
    },
    status: {},
  };
}

/** Parameters of the `run` pod generator. */
export interface PodOptions {
  name: string;
  namespace?: string;
  image: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  env: { name: string; value: string }[];
  /** Arguments after `--`: the container's args, or its command with `--command`. */
  args: string[];
  useCommand: boolean;
  port?: number;
  restartPolicy: string;
  imagePullPolicy?: string;
  stdin: boolean;
  tty: boolean;
  stdinOnce: boolean;
  privileged: boolean;
  serviceAccount?: string;
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}

/** The Pod of `kubectl run`. */
export function generatePod(o: PodOptions): KubeObject {
  const resources: Record<string, unknown> = {};
  if (o.limits) resources.limits = { ...o.limits };
  if (o.requests) resources.requests = { ...o.requests };
  const container: Record<string, unknown> = {
    name: o.name,
    image: o.image,
    ...(o.args.length > 0 && o.useCommand ? { command: [...o.args] } : {}),
    ...(o.args.length > 0 && !o.useCommand ? { args: [...o.args] } : {}),
    ...(o.port !== undefined ? { ports: [{ containerPort: o.port }] } : {}),
    ...(o.env.length > 0 ? { env: o.env.map((e) => ({ name: e.name, value: e.value })) } : {}),
    resources,
    ...(o.imagePullPolicy ? { imagePullPolicy: o.imagePullPolicy } : {}),
    ...(o.privileged ? { securityContext: { privileged: true } } : {}),
    ...(o.stdin ? { stdin: true } : {}),
    ...(o.stdinOnce ? { stdinOnce: true } : {}),
    ...(o.tty ? { tty: true } : {}),
  };
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: meta(o.name, o.namespace, {
      labels: { ...o.labels },
      ...(o.annotations && Object.keys(o.annotations).length > 0 ? { annotations: { ...o.annotations } } : {}),
    }) as KubeObject['metadata'],
    spec: {
      containers: [container],
      restartPolicy: o.restartPolicy,
      dnsPolicy: 'ClusterFirst',
      ...(o.serviceAccount ? { serviceAccountName: o.serviceAccount } : {}),
    },
    status: {},
  };
}
