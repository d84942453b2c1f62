/**
 * A small kind-style cluster (`kubeplay`) as stored objects, for describer golden tests: two workers, an nginx
 * Deployment with its ReplicaSets and pods, Services with EndpointSlices, events, and a few other kinds.
 */
import type { KubeObject } from '../../../engine';

/** The virtual "now" of every fixture: Sun, 22 Nov 2026 02:00:00 +0000. */
export const NOW_MS = Date.UTC(2026, 10, 22, 2, 0, 0);

/** RFC 3339 time `seconds` before NOW_MS. */
export function ago(seconds: number): string {
  return new Date(NOW_MS - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** MicroTime `seconds` before NOW_MS, as events.k8s.io eventTime is stored. */
function agoMicro(seconds: number): string {
  return new Date(NOW_MS - seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

const DEPLOY_UID = '6f1f0a3e-2b1c-4d9e-9a51-0c3c8a1d2e01';
const RS_UID = '9b7c3d2a-5e4f-4a1b-8c6d-1e2f3a4b5c02';
const OLD_RS_UID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03';
const POD_UID = 'c2d4e6f8-1a3b-4c5d-9e7f-2a4b6c8d0e04';
const NODE_UID = '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a705';

function meta(name: string, namespace: string | undefined, uid: string, createdAgo: number, extra: Record<string, unknown> = {}) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid,
    resourceVersion: '1000',
    creationTimestamp: ago(createdAgo),
    ...extra,
  };
}

/** The nginx container of the `web` Deployment's pod template. */
function webContainer() {
  return {
    name: 'nginx',
    image: 'nginx:1.27',
    imagePullPolicy: 'IfNotPresent',
    ports: [{ containerPort: 80, protocol: 'TCP' }],
    env: [
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'LOG_LEVEL', value: 'info' },
    ],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }],
    readinessProbe: {
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3,
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function webTemplate(hash?: string) {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: {
      containers: [webContainer()],
      volumes: [{ name: 'html', emptyDir: {} }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

function event(name: string, namespace: string, involved: Record<string, unknown>, fields: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name, namespace, `ev-${name}`, 0),
    involvedObject: involved,
    reportingInstance: '',
    ...fields,
  };
}

function kubeletEvent(name: string, involved: Record<string, unknown>, reason: string, message: string, secondsAgo: number, type = 'Normal'): KubeObject {
  return event(name, 'default', involved, {
    reason, message, type, count: 1,
    source: { component: 'kubelet', host: 'kubeplay-worker' },
    firstTimestamp: ago(secondsAgo), lastTimestamp: ago(secondsAgo), eventTime: null,
    reportingComponent: 'kubelet', reportingInstance: 'kubeplay-worker',
  });
}

const podRef = {
  kind: 'Pod', namespace: 'default', name: 'web-5d65f98bd9-x7k2p', uid: POD_UID, apiVersion: 'v1',
  resourceVersion: '1200', fieldPath: 'spec.containers{nginx}',
};

/** The Running nginx pod `web-5d65f98bd9-x7k2p` on kubeplay-worker. */
export function webPod(): KubeObject {
  const tpl = webTemplate('5d65f98bd9');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('web-5d65f98bd9-x7k2p', 'default', POD_UID, 578, {
      generateName: 'web-5d65f98bd9-',
      labels: tpl.metadata.labels,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d65f98bd9', uid: RS_UID, controller: true, blockOwnerDeletion: true }],
    }),
    spec: {
      ...tpl.spec,
      containers: [{
        ...webContainer(),
        volumeMounts: [
          { name: 'html', mountPath: '/usr/share/nginx/html' },
          { name: 'kube-api-access-8vq4n', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
        ],
      }],
      volumes: [
        { name: 'html', emptyDir: {} },
        {
          name: 'kube-api-access-8vq4n',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: 'kubeplay-worker',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      tolerations: [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: ago(575) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ago(578) },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ago(565) },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: ago(565) },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ago(578) },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: ago(578),
      containerStatuses: [{
        name: 'nginx',
        state: { running: { startedAt: ago(570) } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d',
        containerID: 'containerd://3f9d1c2b7a6e5d4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a',
        started: true,
      }],
      qosClass: 'Burstable',
    },
  };
}

/** Scheduler and kubelet events of the web pod. */
export function webPodEvents(): KubeObject[] {
  return [
    event('web-5d65f98bd9-x7k2p.1879a1b2c3d40001', 'default', { ...podRef, fieldPath: undefined }, {
      reason: 'Scheduled', message: 'Successfully assigned default/web-5d65f98bd9-x7k2p to kubeplay-worker', type: 'Normal',
      source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: agoMicro(578),
      reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-kubeplay-control-plane', action: 'Binding',
    }),
    kubeletEvent('web-5d65f98bd9-x7k2p.1879a1b2c3d40002', podRef, 'Pulling', 'Pulling image "nginx:1.27"', 577),
    kubeletEvent('web-5d65f98bd9-x7k2p.1879a1b2c3d40003', podRef, 'Pulled',
      'Successfully pulled image "nginx:1.27" in 6.412s (6.412s including waiting). Image size: 72195292 bytes.', 571),
    kubeletEvent('web-5d65f98bd9-x7k2p.1879a1b2c3d40004', podRef, 'Created', 'Created container: nginx', 571),
    kubeletEvent('web-5d65f98bd9-x7k2p.1879a1b2c3d40005', podRef, 'Started', 'Started container nginx', 570),
  ];
}

/** The `web` Deployment (3 replicas, rolled from an older template). */
export function webDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', 'default', DEPLOY_UID, 1500, {
      generation: 2,
      labels: { app: 'web' },
      annotations: {
        'deployment.kubernetes.io/revision': '2',
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
      },
    }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: webTemplate(),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: ago(1480), lastTransitionTime: ago(1480), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: ago(560), lastTransitionTime: ago(1500), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-5d65f98bd9" has successfully progressed.' },
      ],
    },
  };
}

function replicaSet(name: string, uid: string, hash: string, createdAgo: number, replicas: number, revision: string, image: string): KubeObject {
  const tpl = webTemplate(hash);
  tpl.spec.containers[0]!.image = image;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, 'default', uid, createdAgo, {
      generation: 1,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': revision,
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: DEPLOY_UID, controller: true, blockOwnerDeletion: true }],
    }),
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: tpl },
    status: replicas > 0
      ? { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 }
      : { replicas: 0, observedGeneration: 2 },
  };
}

/** The current ReplicaSet `web-5d65f98bd9` (nginx:1.27, 3 replicas). */
export function webReplicaSet(): KubeObject {
  return replicaSet('web-5d65f98bd9', RS_UID, '5d65f98bd9', 580, 3, '2', 'nginx:1.27');
}

/** The previous ReplicaSet `web-7c5ddbdf54` (nginx:1.26, scaled to 0). */
export function oldWebReplicaSet(): KubeObject {
  return replicaSet('web-7c5ddbdf54', OLD_RS_UID, '7c5ddbdf54', 1500, 0, '1', 'nginx:1.26');
}

/** The other two pods of the current ReplicaSet. */
export function otherWebPods(): KubeObject[] {
  const pods: KubeObject[] = [];
  for (const [suffix, node, ip, hostIP] of [['m4q9z', 'kubeplay-worker', '10.244.1.6', '172.18.0.3'], ['tr8hd', 'kubeplay-worker2', '10.244.2.3', '172.18.0.4']] as const) {
    const pod = webPod();
    pod.metadata = { ...pod.metadata, name: `web-5d65f98bd9-${suffix}`, uid: `pod-uid-${suffix}`, creationTimestamp: ago(560) };
    (pod.spec as Record<string, unknown>).nodeName = node;
    pod.status = { ...(pod.status as object), podIP: ip, podIPs: [{ ip }], hostIP, hostIPs: [{ ip: hostIP }] };
    pods.push(pod);
  }
  return pods;
}

/** Deployment-controller events of `web`: the rollout from the old ReplicaSet to the new one. */
export function webDeploymentEvents(): KubeObject[] {
  const ref = { kind: 'Deployment', namespace: 'default', name: 'web', uid: DEPLOY_UID, apiVersion: 'apps/v1', resourceVersion: '900' };
  const scaling = (n: string, message: string, secondsAgo: number) => event(`web.1879a0f0000000${n}`, 'default', ref, {
    reason: 'ScalingReplicaSet', message, type: 'Normal', count: 1,
    source: { component: 'deployment-controller' }, firstTimestamp: ago(secondsAgo), lastTimestamp: ago(secondsAgo), eventTime: null,
    reportingComponent: 'deployment-controller',
  });
  return [
    scaling('01', 'Scaled up replica set web-7c5ddbdf54 from 0 to 3', 1500),
    scaling('02', 'Scaled up replica set web-5d65f98bd9 from 0 to 1', 580),
    scaling('03', 'Scaled down replica set web-7c5ddbdf54 from 3 to 2', 570),
    scaling('04', 'Scaled up replica set web-5d65f98bd9 from 1 to 2', 570),
    scaling('05', 'Scaled down replica set web-7c5ddbdf54 from 2 to 1', 560),
    scaling('06', 'Scaled up replica set web-5d65f98bd9 from 2 to 3', 560),
    scaling('07', 'Scaled down replica set web-7c5ddbdf54 from 1 to 0', 550),
  ];
}

/** Replicaset-controller events of `web-5d65f98bd9`. */
export function webReplicaSetEvents(): KubeObject[] {
  const ref = { kind: 'ReplicaSet', namespace: 'default', name: 'web-5d65f98bd9', uid: RS_UID, apiVersion: 'apps/v1', resourceVersion: '950' };
  const created = (n: string, pod: string, secondsAgo: number) => event(`web-5d65f98bd9.1879a0f1000000${n}`, 'default', ref, {
    reason: 'SuccessfulCreate', message: `Created pod: ${pod}`, type: 'Normal', count: 1,
    source: { component: 'replicaset-controller' }, firstTimestamp: ago(secondsAgo), lastTimestamp: ago(secondsAgo), eventTime: null,
    reportingComponent: 'replicaset-controller',
  });
  return [
    created('01', 'web-5d65f98bd9-x7k2p', 578),
    created('02', 'web-5d65f98bd9-m4q9z', 570),
    created('03', 'web-5d65f98bd9-tr8hd', 560),
  ];
}

/** ClusterIP Service `web` selecting app=web on port 80. */
export function webService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web', 'default', 'svc-uid-web', 1400, { labels: { app: 'web' } }),
    spec: {
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      selector: { app: 'web' },
      clusterIP: '10.96.45.123',
      clusterIPs: ['10.96.45.123'],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  };
}

/** NodePort Service `web-np` with a named port. */
export function webNodePortService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web-np', 'default', 'svc-uid-web-np', 1300, {}),
    spec: {
      ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 'http-web', nodePort: 30080 }],
      selector: { app: 'web' },
      clusterIP: '10.96.200.17',
      clusterIPs: ['10.96.200.17'],
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  };
}

function endpoint(ip: string, node: string, pod: string, ready = true) {
  return {
    addresses: [ip],
    conditions: { ready, serving: ready, terminating: false },
    nodeName: node,
    targetRef: { kind: 'Pod', namespace: 'default', name: pod, uid: `uid-${pod}` },
  };
}

/** EndpointSlices of `web` and `web-np`. */
export function webEndpointSlices(): KubeObject[] {
  const endpoints = [
    endpoint('10.244.1.5', 'kubeplay-worker', 'web-5d65f98bd9-x7k2p'),
    endpoint('10.244.1.6', 'kubeplay-worker', 'web-5d65f98bd9-m4q9z'),
    endpoint('10.244.2.3', 'kubeplay-worker2', 'web-5d65f98bd9-tr8hd'),
  ];
  const slice = (name: string, service: string, port: { name: string; port: number }): KubeObject => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(name, 'default', `eps-uid-${name}`, 1300, {
      generateName: `${service}-`,
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': service },
    }),
    addressType: 'IPv4',
    endpoints,
    ports: [{ name: port.name, port: port.port, protocol: 'TCP' }],
  });
  return [slice('web-h2x7c', 'web', { name: '', port: 80 }), slice('web-np-9fq2w', 'web-np', { name: 'http', port: 80 })];
}

/** The worker node `kubeplay-worker`. */
export function workerNode(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('kubeplay-worker', undefined, NODE_UID, 3600, {
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'kubeplay-worker',
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kubeplay/kubeplay-worker' },
    status: {
      capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318460Ki', pods: '110' },
      allocatable: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318460Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: ago(40), lastTransitionTime: ago(3600), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: ago(40), lastTransitionTime: ago(3600), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: ago(40), lastTransitionTime: ago(3600), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: ago(40), lastTransitionTime: ago(3585), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kubeplay-worker' }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: 'b7c1e3f2a9d84c6e8f0a1b2c3d4e5f60',
        systemUUID: '8d2f4b6a-1c3e-4a5b-9d7f-0e2c4a6b8d01',
        bootID: 'f3e1d2c4-b5a6-4978-8c9d-0a1b2c3d4e5f',
        kernelVersion: '6.8.0-47-generic',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://2.1.1',
        kubeletVersion: 'v1.34.0',
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** The node's heartbeat Lease in kube-node-lease. */
export function workerLease(): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: meta('kubeplay-worker', 'kube-node-lease', 'lease-uid-worker', 3590, {
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'kubeplay-worker', uid: NODE_UID }],
    }),
    spec: { holderIdentity: 'kubeplay-worker', leaseDurationSeconds: 40, renewTime: '2026-11-22T01:59:52.123456Z' },
  };
}

/** kube-system pods on kubeplay-worker (kindnet and kube-proxy) and a finished pod that must not be listed. */
export function systemPods(): KubeObject[] {
  const base = (name: string, uid: string, containers: unknown[], phase = 'Running'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, 'kube-system', uid, 3590),
    spec: { nodeName: 'kubeplay-worker', containers },
    status: { phase },
  });
  return [
    base('kindnet-5x2vq', 'uid-kindnet', [{ name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20250512-df8de77b', resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } }]),
    base('kube-proxy-r6l8m', 'uid-kube-proxy', [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }]),
    base('one-shot', 'uid-one-shot', [{ name: 'job', image: 'busybox' }], 'Succeeded'),
  ];
}

/** Kubelet and node-controller events of the node (the kubelet's use the node name as uid). */
export function nodeEvents(): KubeObject[] {
  const byName = { kind: 'Node', name: 'kubeplay-worker', uid: 'kubeplay-worker', apiVersion: 'v1' };
  const byUid = { kind: 'Node', name: 'kubeplay-worker', uid: NODE_UID, apiVersion: 'v1' };
  const ev = (name: string, involved: Record<string, unknown>, reason: string, message: string, component: string, firstAgo: number, lastAgo: number, count: number) =>
    event(name, 'default', involved, {
      reason, message, type: 'Normal', count,
      source: { component, host: 'kubeplay-worker' }, firstTimestamp: ago(firstAgo), lastTimestamp: ago(lastAgo), eventTime: null,
      reportingComponent: component,
    });
  return [
    ev('kubeplay-worker.18799f0000000001', byName, 'Starting', 'Starting kubelet.', 'kubelet', 3598, 3598, 1),
    ev('kubeplay-worker.18799f0000000002', byName, 'NodeHasSufficientMemory', 'Node kubeplay-worker status is now: NodeHasSufficientMemory', 'kubelet', 3598, 3597, 2),
    ev('kubeplay-worker.18799f0000000003', byUid, 'RegisteredNode', 'Node kubeplay-worker event: Registered Node kubeplay-worker in Controller', 'node-controller', 3594, 3594, 1),
    ev('kubeplay-worker.18799f0000000004', byName, 'NodeReady', 'Node kubeplay-worker status is now: NodeReady', 'kubelet', 3585, 3585, 1),
  ];
}

/** The `default` namespace with a quota and a limit range in `dev`. */
export function namespaces(): KubeObject[] {
  const ns = (name: string, uid: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name, undefined, uid, 3600, { labels: { 'kubernetes.io/metadata.name': name } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  return [ns('default', 'ns-uid-default'), ns('dev', 'ns-uid-dev')];
}

/** ResourceQuota and LimitRange objects of the `dev` namespace. */
export function devPolicies(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('dev-qt', 'dev', 'rq-uid', 600),
      spec: { hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '4Gi', 'limits.memory': '8Gi' } },
      status: {
        hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '4Gi', 'limits.memory': '8Gi' },
        used: { pods: '1', 'requests.cpu': '200m', 'requests.memory': '50Mi', 'limits.memory': '100Mi' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta('dev-limits', 'dev', 'lr-uid', 600),
      spec: {
        limits: [
          { type: 'Container', default: { cpu: '500m', memory: '100Mi' }, defaultRequest: { cpu: '200m', memory: '50Mi' } },
          { type: 'Pod', max: { cpu: '800m', memory: '200Mi' } },
        ],
      },
    },
  ];
}

/** ConfigMap `app-config` with two keys. */
export function appConfigMap(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta('app-config', 'default', 'cm-uid', 300, { labels: { app: 'web' } }),
    data: { 'LOG_LEVEL': 'info', 'nginx.conf': 'server {\n  listen 80;\n}\n' },
  };
}

/** An Opaque Secret `db-creds` (values must never be printed). */
export function dbSecret(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('db-creds', 'default', 'secret-uid', 300),
    type: 'Opaque',
    data: { password: 'czNjcjN0IQ==', username: 'YWRtaW4=' },
  };
}

/** Job `pi` that ran to completion. */
export function piJob(): KubeObject {
  const uid = 'job-uid-pi';
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('pi', 'default', uid, 240, {
      labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' },
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 4,
      completionMode: 'NonIndexed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: {
        metadata: { labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' } },
        spec: {
          containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }],
          restartPolicy: 'Never',
        },
      },
    },
    status: { startTime: ago(240), completionTime: ago(200), succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} },
  };
}

/** Every fixture object, events included. */
export function allObjects(): KubeObject[] {
  return [
    ...namespaces(), ...devPolicies(), workerNode(), workerLease(), webDeployment(), webReplicaSet(), oldWebReplicaSet(),
    webPod(), ...otherWebPods(), ...systemPods(), webService(), webNodePortService(), ...webEndpointSlices(),
    appConfigMap(), dbSecret(), piJob(),
    ...webPodEvents(), ...webDeploymentEvents(), ...webReplicaSetEvents(), ...nodeEvents(),
  ];
}
