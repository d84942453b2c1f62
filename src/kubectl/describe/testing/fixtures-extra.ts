/**
 * More fixture objects of the `kubeplay` cluster for describer golden tests: a StatefulSet with storage, a
 * DaemonSet, a CronJob, an HPA, a crash-looping pod, a pending pod, a terminating pod, the control-plane node and
 * service accounts.
 */
import type { KubeObject } from '../../../engine';
import { ago, NOW_MS } from './fixtures';

const STS_UID = 'sts-uid-redis';
const DS_UID = 'ds-uid-kindnet';
const CJ_UID = 'cj-uid-hello';

function meta(name: string, namespace: string | undefined, uid: string, createdAgo: number, extra: Record<string, unknown> = {}) {
  return { name, ...(namespace ? { namespace } : {}), uid, resourceVersion: '2000', creationTimestamp: ago(createdAgo), ...extra };
}

function after(seconds: number): string {
  return new Date(NOW_MS + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function agoMicro(seconds: number): string {
  return new Date(NOW_MS - seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function coreEvent(name: string, involved: Record<string, unknown>, f: {
  reason: string; message: string; type?: string; component: string; firstAgo: number; lastAgo: number; count: number; host?: string;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name, (involved.namespace as string | undefined) ?? 'default', `ev-${name}`, f.firstAgo),
    involvedObject: involved,
    reason: f.reason,
    message: f.message,
    type: f.type ?? 'Normal',
    count: f.count,
    source: { component: f.component, ...(f.host ? { host: f.host } : {}) },
    firstTimestamp: ago(f.firstAgo),
    lastTimestamp: ago(f.lastAgo),
    eventTime: null,
    reportingComponent: f.component,
    reportingInstance: f.host ?? '',
  };
}

const redisTemplate = {
  metadata: { labels: { app: 'redis' } },
  spec: {
    containers: [{
      name: 'redis',
      image: 'redis:7.4-alpine',
      ports: [{ containerPort: 6379, name: 'redis', protocol: 'TCP' }],
      command: ['redis-server', '--appendonly', 'yes'],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      livenessProbe: { tcpSocket: { port: 6379 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    }],
    restartPolicy: 'Always',
  },
};

/** StatefulSet `redis` with a volume claim template, its pod, claim, volume and storage class. */
export function redisObjects(): KubeObject[] {
  const sts: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('redis', 'default', STS_UID, 900, { generation: 1 }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'redis' } },
      serviceName: 'redis',
      template: redisTemplate,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      podManagementPolicy: 'OrderedReady',
      volumeClaimTemplates: [{
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      }],
    },
    status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1 },
  };
  const pod = (ordinal: number, phase: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(`redis-${ordinal}`, 'default', `pod-uid-redis-${ordinal}`, 890 - ordinal * 30, {
      labels: { app: 'redis', 'apps.kubernetes.io/pod-index': String(ordinal), 'controller-revision-hash': 'redis-6d8b4c9f7c', 'statefulset.kubernetes.io/pod-name': `redis-${ordinal}` },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'redis', uid: STS_UID, controller: true, blockOwnerDeletion: true }],
    }),
    spec: {
      ...redisTemplate.spec,
      hostname: `redis-${ordinal}`,
      subdomain: 'redis',
      nodeName: 'kubeplay-worker2',
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-redis-${ordinal}` } }],
    },
    status: { phase },
  });
  const pvc: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('data-redis-0', 'default', 'pvc-uid-data-redis-0', 890, {
      labels: { app: 'redis' },
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
        'volume.kubernetes.io/selected-node': 'kubeplay-worker2',
        'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      },
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21', storageClassName: 'standard', volumeMode: 'Filesystem' },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
  };
  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta('pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21', undefined, 'pv-uid-1', 885, {
      annotations: { 'local.path.provisioner/selected-node': 'kubeplay-worker2', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
      finalizers: ['kubernetes.io/pv-protection'],
    }),
    spec: {
      capacity: { storage: '1Gi' },
      hostPath: { path: '/var/local-path-provisioner/pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21_default_data-redis-0', type: 'DirectoryOrCreate' },
      accessModes: ['ReadWriteOnce'],
      claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-redis-0', uid: 'pvc-uid-data-redis-0', apiVersion: 'v1' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kubeplay-worker2'] }] }] } },
    },
    status: { phase: 'Bound' },
  };
  const sc: KubeObject = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta('standard', undefined, 'sc-uid-standard', 3600, {
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    }),
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
  const pvcEvents = [
    coreEvent('data-redis-0.1879a0e000000001', { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-redis-0', uid: 'pvc-uid-data-redis-0', apiVersion: 'v1' },
      { reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', component: 'persistentvolume-controller', firstAgo: 890, lastAgo: 890, count: 1 }),
    coreEvent('data-redis-0.1879a0e000000002', { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-redis-0', uid: 'pvc-uid-data-redis-0', apiVersion: 'v1' },
      { reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", component: 'persistentvolume-controller', firstAgo: 889, lastAgo: 887, count: 3 }),
  ];
  return [sts, pod(0, 'Running'), pod(1, 'Pending'), pvc, pv, sc, ...pvcEvents];
}

/** DaemonSet `kindnet` in kube-system. */
export function kindnetDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta('kindnet', 'kube-system', DS_UID, 3600, { generation: 1, labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, annotations: { 'deprecated.daemonset.template.generation': '1' } }),
    spec: {
      selector: { matchLabels: { app: 'kindnet' } },
      template: {
        metadata: { labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' } },
        spec: {
          hostNetwork: true,
          serviceAccountName: 'kindnet',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [{
            name: 'kindnet-cni',
            image: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
            env: [
              { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
              { name: 'POD_SUBNET', value: '10.244.0.0/16' },
              { name: 'CONTROL_PLANE_ENDPOINT', value: 'kubeplay-control-plane:6443' },
            ],
            resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
            securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'] }, privileged: false },
            volumeMounts: [
              { name: 'cni-cfg', mountPath: '/etc/cni/net.d' },
              { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
              { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
            ],
          }],
          volumes: [
            { name: 'cni-cfg', hostPath: { path: '/etc/cni/net.d', type: '' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
    status: { currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 1 },
  };
}

/** A kindnet pod owned by the DaemonSet. */
export function kindnetPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('kindnet-q8w2e', 'kube-system', 'pod-uid-kindnet-q8w2e', 3590, {
      labels: { app: 'kindnet', 'controller-revision-hash': '7b9f5c4d8', 'k8s-app': 'kindnet', 'pod-template-generation': '1', tier: 'node' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kindnet', uid: DS_UID, controller: true, blockOwnerDeletion: true }],
    }),
    spec: { nodeName: 'kubeplay-control-plane', containers: [{ name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20250512-df8de77b' }] },
    status: { phase: 'Running' },
  };
}

/** CronJob `hello` with one active Job. */
export function helloCronJob(): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('hello', 'default', CJ_UID, 1200),
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Forbid',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [{ name: 'hello', image: 'busybox:1.37', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'], imagePullPolicy: 'IfNotPresent' }],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
    },
    status: {
      active: [{ kind: 'Job', namespace: 'default', name: 'hello-29398920', uid: 'job-uid-hello', apiVersion: 'batch/v1', resourceVersion: '3000' }],
      lastScheduleTime: ago(0),
      lastSuccessfulTime: ago(295),
    },
  };
}

/** CronJob events. */
export function helloEvents(): KubeObject[] {
  const ref = { kind: 'CronJob', namespace: 'default', name: 'hello', uid: CJ_UID, apiVersion: 'batch/v1' };
  return [
    coreEvent('hello.1879a10000000001', ref, { reason: 'SuccessfulCreate', message: 'Created job hello-29398915', component: 'cronjob-controller', firstAgo: 300, lastAgo: 300, count: 1 }),
    coreEvent('hello.1879a10000000002', ref, { reason: 'SawCompletedJob', message: 'Saw completed job: hello-29398915, condition: Complete', component: 'cronjob-controller', firstAgo: 295, lastAgo: 295, count: 1 }),
    coreEvent('hello.1879a10000000003', ref, { reason: 'SuccessfulCreate', message: 'Created job hello-29398920', component: 'cronjob-controller', firstAgo: 0, lastAgo: 0, count: 1 }),
  ];
}

/** autoscaling/v2 HPA `web` on CPU utilization. */
export function webHPA(): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('web', 'default', 'hpa-uid-web', 1100),
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '13m', averageUtilization: 12 } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: ago(1085), reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
        { type: 'ScalingActive', status: 'True', lastTransitionTime: ago(1085), reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
        { type: 'ScalingLimited', status: 'False', lastTransitionTime: ago(1085), reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
      ],
    },
  };
}

/** A crash-looping pod with an init container, many volume and env kinds, and aggregated events. */
export function crashyPod(): KubeObject[] {
  const uid = 'pod-uid-crashy';
  const ref = { kind: 'Pod', namespace: 'default', name: 'crashy', uid, apiVersion: 'v1', fieldPath: 'spec.containers{app}' };
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('crashy', 'default', uid, 400, {
      labels: { run: 'crashy' },
      annotations: {
        'example.com/description': 'A deliberately broken pod used in the probes lesson: the app container exits with status 1 shortly after start, and the liveness probe never passes.',
        'example.com/owner': 'team-a',
      },
    }),
    spec: {
      initContainers: [{ name: 'init-config', image: 'busybox:1.37', command: ['sh', '-c', 'cp /src/* /config/'], volumeMounts: [{ name: 'config', mountPath: '/config' }, { name: 'settings', mountPath: '/src', readOnly: true }] }],
      containers: [{
        name: 'app',
        image: 'ghcr.io/example/app:2.3',
        args: ['--config', '/config/app.yaml'],
        ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }],
        envFrom: [{ configMapRef: { name: 'app-config' } }, { secretRef: { name: 'db-creds', optional: true }, prefix: 'DB_' }],
        env: [
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } },
          { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'LOG_LEVEL', optional: true } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } } },
          { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1' } } },
          { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          { name: 'GREETING', value: 'hello\nworld' },
        ],
        resources: { requests: { cpu: '0.25', memory: '64Mi' } },
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
        volumeMounts: [
          { name: 'config', mountPath: '/config' },
          { name: 'certs', mountPath: '/etc/certs', readOnly: true },
          { name: 'logs', mountPath: '/var/log/app', subPath: 'crashy' },
        ],
      }],
      volumes: [
        { name: 'config', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        { name: 'settings', configMap: { name: 'app-config', defaultMode: 420 } },
        { name: 'certs', secret: { secretName: 'app-tls', defaultMode: 420, optional: true } },
        { name: 'logs', hostPath: { path: '/var/log/pods-extra', type: 'DirectoryOrCreate' } },
      ],
      nodeName: 'kubeplay-worker',
      nodeSelector: { 'kubernetes.io/os': 'linux', disktype: 'ssd' },
      priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' },
      ],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { run: 'crashy' } } }],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: ago(395) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ago(392) },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: ago(380), reason: 'ContainersNotReady', message: 'containers with unready status: [app]' },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: ago(380), reason: 'ContainersNotReady', message: 'containers with unready status: [app]' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ago(400) },
      ],
      hostIP: '172.18.0.3',
      podIP: '10.244.1.9',
      podIPs: [{ ip: '10.244.1.9' }],
      startTime: ago(400),
      initContainerStatuses: [{
        name: 'init-config',
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(394), finishedAt: ago(393), containerID: 'containerd://aa11' } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/busybox:1.37',
        imageID: 'docker.io/library/busybox@sha256:37f7b378a29ceb4c551b1b5582e27747b855bbfaa73fa11914fe0df028dc581f',
        containerID: 'containerd://aa11',
      }],
      containerStatuses: [{
        name: 'app',
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=app pod=crashy_default(pod-uid-crashy)' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'config not found', startedAt: ago(170), finishedAt: ago(168), containerID: 'containerd://bb22' } },
        ready: false,
        restartCount: 5,
        image: 'ghcr.io/example/app:2.3',
        imageID: 'ghcr.io/example/app@sha256:0f3c0d6c2a7e6b5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918070f6e5',
        containerID: 'containerd://bb22',
        started: false,
      }],
      qosClass: 'Burstable',
    },
  };
  const events = [
    coreEvent('crashy.1879a20000000001', { ...ref, fieldPath: undefined }, { reason: 'Scheduled', message: 'Successfully assigned default/crashy to kubeplay-worker', component: 'default-scheduler', firstAgo: 400, lastAgo: 400, count: 1 }),
    coreEvent('crashy.1879a20000000002', ref, { reason: 'Pulled', message: 'Container image "ghcr.io/example/app:2.3" already present on machine', component: 'kubelet', host: 'kubeplay-worker', firstAgo: 390, lastAgo: 170, count: 6 }),
    coreEvent('crashy.1879a20000000003', ref, { reason: 'Created', message: 'Created container: app', component: 'kubelet', host: 'kubeplay-worker', firstAgo: 390, lastAgo: 170, count: 6 }),
    coreEvent('crashy.1879a20000000004', ref, { reason: 'Started', message: 'Started container app', component: 'kubelet', host: 'kubeplay-worker', firstAgo: 390, lastAgo: 170, count: 6 }),
    coreEvent('crashy.1879a20000000005', ref, { reason: 'BackOff', message: 'Back-off restarting failed container app in pod crashy_default(pod-uid-crashy)', type: 'Warning', component: 'kubelet', host: 'kubeplay-worker', firstAgo: 375, lastAgo: 4, count: 25 }),
  ];
  return [pod, ...events];
}

/** A pod that cannot be scheduled, with a FailedScheduling event in events.k8s.io series form. */
export function pendingPod(): KubeObject[] {
  const uid = 'pod-uid-big';
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('big', 'default', uid, 125, { labels: { run: 'big' } }),
    spec: {
      containers: [{ name: 'big', image: 'nginx:1.27', resources: { limits: { cpu: '16', memory: '1Gi' }, requests: { cpu: '16', memory: '1Gi' } } }],
      priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: ago(125), reason: 'Unschedulable', message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.' }],
      qosClass: 'Guaranteed',
    },
  };
  const event: KubeObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('big.1879a30000000001', 'default', 'ev-big-1', 125),
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'big', uid, apiVersion: 'v1', resourceVersion: '4000' },
    reason: 'FailedScheduling',
    message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    type: 'Warning',
    eventTime: agoMicro(125),
    series: { count: 3, lastObservedTime: agoMicro(18) },
    action: 'Scheduling',
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-kubeplay-control-plane',
  };
  return [pod, event];
}

/** A pod being deleted (grace period still running). */
export function terminatingPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('old-web', 'default', 'pod-uid-old-web', 700, {
      deletionTimestamp: after(25),
      deletionGracePeriodSeconds: 30,
      labels: { run: 'old-web' },
    }),
    spec: { containers: [{ name: 'web', image: 'nginx:1.26' }], nodeName: 'kubeplay-worker2' },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.4',
      podIP: '10.244.2.7',
      podIPs: [{ ip: '10.244.2.7' }],
      startTime: ago(700),
      containerStatuses: [{ name: 'web', state: { running: { startedAt: ago(690) } }, ready: true, restartCount: 0, image: 'docker.io/library/nginx:1.26', imageID: '', containerID: 'containerd://cc33' }],
    },
  };
}

/** The control-plane node: tainted, with a role, and no Lease stored. */
export function controlPlaneNode(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('kubeplay-control-plane', undefined, 'node-uid-cp', 3650, {
      labels: {
        'kubernetes.io/hostname': 'kubeplay-control-plane',
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      },
    }),
    spec: {
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, { key: 'example.com/maintenance', value: 'true', effect: 'NoExecute', timeAdded: ago(60) }],
      unschedulable: true,
    },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '2' },
      allocatable: { cpu: '3500m', memory: '7680Mi', pods: '110', 'example.com/gpu': '2' },
      conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: ago(10), lastTransitionTime: ago(3630), reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'kubeplay-control-plane' }],
      nodeInfo: {
        machineID: 'a1', systemUUID: 'b2', bootID: 'c3', kernelVersion: '6.8.0-47-generic', osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://2.1.1', kubeletVersion: 'v1.34.0', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  };
}

/** Service accounts `builder` (with a token Secret and a missing pull secret) and `default`. */
export function serviceAccounts(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('builder', 'default', 'sa-uid-builder', 500),
      secrets: [{ name: 'builder-token' }],
      imagePullSecrets: [{ name: 'regcred' }],
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('builder-token', 'default', 'secret-uid-builder-token', 500, {
        annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': 'sa-uid-builder' },
      }),
      type: 'kubernetes.io/service-account-token',
      data: { 'ca.crt': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==', namespace: 'ZGVmYXVsdA==', token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklqRWlmUS5leUp6ZFdJaU9pSmlkV2xzWkdWeUluMC5zaWc=' },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 'default', 'sa-uid-default', 3600) },
  ];
}

/** Legacy Endpoints of `web`, a ConfigMap with binary data, and a ControllerRevision for the generic describer. */
export function miscObjects(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('web', 'default', 'ep-uid-web', 1400, { labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': ago(560) } }),
      subsets: [{
        addresses: [{ ip: '10.244.1.5', nodeName: 'kubeplay-worker' }, { ip: '10.244.1.6', nodeName: 'kubeplay-worker' }],
        notReadyAddresses: [{ ip: '10.244.2.3', nodeName: 'kubeplay-worker2' }],
        ports: [{ port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9113, protocol: 'TCP' }],
      }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('blob', 'default', 'cm-uid-blob', 100),
      data: { 'table.tsv': 'name\tvalue' },
      binaryData: { 'logo.png': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: meta('kindnet-7b9f5c4d8', 'kube-system', 'cr-uid-kindnet', 3600, {
        labels: { app: 'kindnet', 'controller-revision-hash': '7b9f5c4d8' },
        annotations: { 'deprecated.daemonset.template.generation': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kindnet', uid: DS_UID, controller: true, blockOwnerDeletion: true }],
      }),
      data: { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'kindnet' } }, spec: { containers: [{ image: 'docker.io/kindest/kindnetd:v20250512-df8de77b', name: 'kindnet-cni' }], hostNetwork: true } } } },
      revision: 1,
    },
  ];
}

/** Every extra fixture object. */
export function extraObjects(): KubeObject[] {
  return [
    ...redisObjects(), kindnetDaemonSet(), kindnetPod(), helloCronJob(), ...helloEvents(), webHPA(), ...crashyPod(), ...pendingPod(),
    terminatingPod(), controlPlaneNode(), ...serviceAccounts(), ...miscObjects(),
  ];
}
