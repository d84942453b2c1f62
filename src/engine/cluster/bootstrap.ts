/**
 * What `kind create cluster` leaves behind, created through the apiserver at time zero: namespaces, the
 * `kubernetes` Service, built-in PriorityClasses, the nodes with their status and leases, static control-plane
 * pods, CoreDNS with the `kube-dns` Service, the kube-proxy and kindnet DaemonSets, and kind's local-path storage
 * (default StorageClass `standard`).
 */
import type { KubeObject } from '../api/types';
import { toTimestamp } from '../api/meta';
import { formatBytes, parseQuantity } from '../api/quantity';
import { fnv32a } from '../api/names';
import type { ApiServer } from '../apiserver/apiserver';
import { withLastApplied } from '../apiserver/patch/last-applied';
import type { JsonMap } from '../apiserver/patch/json-value';
import type { ResolvedNode } from './topology';
import { CONTAINERD_VERSION, COREDNS_IMAGE, ETCD_IMAGE, KERNEL_VERSION, KINDNET_IMAGE, KUBERNETES_VERSION, OS_IMAGE } from './versions';

function must(api: ApiServer, obj: KubeObject): KubeObject {
  const r = api.create(obj);
  if (!r.ok) throw new Error(`bootstrap: cannot create ${obj.kind} ${obj.metadata.name}: ${r.status.message}`);
  return r.value;
}

/** Namespaces every cluster starts with. */
export function createSystemNamespaces(api: ApiServer): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    must(api, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}

/** The two built-in PriorityClasses the apiserver creates. */
export function createSystemPriorityClasses(api: ApiServer): void {
  must(api, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-cluster-critical' }, value: 2000000000, globalDefault: false, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.', preemptionPolicy: 'PreemptLowerPriority' });
  must(api, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000, globalDefault: false, description: 'Used for system critical pods that must not be moved from their current node.', preemptionPolicy: 'PreemptLowerPriority' });
}

/** The `kubernetes` Service in default with its manually managed endpoints (the apiserver on the control plane). */
export function createKubernetesService(api: ApiServer, apiserverIP: string): void {
  must(api, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None' },
  });
  must(api, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  must(api, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}

/** Allocatable = capacity minus the kubelet's default hard-eviction reserve (memory.available<100Mi). */
function allocatable(capacity: Record<string, string>): Record<string, string> {
  const out = { ...capacity };
  if (capacity.memory) out.memory = formatMemory(parseQuantity(capacity.memory) - 100 * 2 ** 20);
  return out;
}

function formatMemory(bytes: number): string {
  const ki = Math.floor(bytes / 1024);
  return bytes % 1024 === 0 ? `${ki}Ki` : formatBytes(bytes);
}

/** A Node object with the status its kubelet reports on registration. */
export function nodeObject(n: ResolvedNode, clusterName: string): KubeObject {
  const capacity: Record<string, string> = { ...n.capacity, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' };
  if (capacity.memory) capacity.memory = formatMemory(parseQuantity(capacity.memory));
  const id = (salt: string) => (fnv32a(`${salt}:${n.name}`).toString(16).padStart(8, '0') + fnv32a(`${n.name}:${salt}`).toString(16).padStart(8, '0')).repeat(2);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: n.labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `${n.podCidrPrefix}.0/24`,
      podCIDRs: [`${n.podCidrPrefix}.0/24`],
      providerID: `kind://docker/${clusterName}/${n.name}`,
      ...(n.taints.length ? { taints: n.taints } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: n.internalIP }, { type: 'Hostname', address: n.name }],
      capacity,
      allocatable: allocatable(capacity),
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(id('boot')),
        containerRuntimeVersion: CONTAINERD_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: id('machine'),
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: uuidFrom(id('system')),
      },
    },
  };
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The node conditions a healthy kubelet posts. */
export function healthyConditions(nowMs: number): KubeObject[] {
  const t = toTimestamp(nowMs);
  const c = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: t, lastTransitionTime: t, reason, message });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ] as unknown as KubeObject[];
}

/** Static pod manifests of a control-plane node, mirrored into the API by its kubelet. */
export function staticPods(node: ResolvedNode, nodeUid: string): KubeObject[] {
  const component = (name: string, image: string, cpu: string, command: string[], tier = 'control-plane'): KubeObject => {
    const hash = fnv32a(`${name}:${node.name}`).toString(16).padStart(8, '0').repeat(4);
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-${node.name}`,
        namespace: 'kube-system',
        labels: { component: name, tier },
        annotations: {
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: nodeUid, controller: true }],
      },
      spec: {
        nodeName: node.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
        tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
        containers: [{ name, image, command, resources: { requests: { cpu } } }],
        restartPolicy: 'Always',
      },
    };
  };
  const ip = node.internalIP;
  return [
    component('etcd', ETCD_IMAGE, '100m', ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd']),
    component('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, '250m', ['kube-apiserver', `--advertise-address=${ip}`, '--service-cluster-ip-range=10.96.0.0/16']),
    component('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, '200m', ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16']),
    component('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, '100m', ['kube-scheduler']),
  ];
}

/** CoreDNS (Deployment, 2 replicas) and its `kube-dns` Service at 10.96.0.10. */
export function coreDnsObjects(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'coredns', namespace: 'kube-system' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [{
              name: 'coredns',
              image: COREDNS_IMAGE,
              args: ['-conf', '/etc/coredns/Corefile'],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10 },
              livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 },
            }],
            dnsPolicy: 'Default',
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
      spec: {
        selector: { 'k8s-app': 'kube-dns' },
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }],
      },
    },
  ];
}

/** kube-proxy and kindnet: one pod per node each, on the host network. */
export function nodeDaemonSets(): KubeObject[] {
  const ds = (name: string, label: Record<string, string>, image: string, command: string[], extra: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels: label },
    spec: {
      selector: { matchLabels: label },
      template: {
        metadata: { labels: label },
        spec: {
          hostNetwork: true,
          serviceAccountName: name,
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name, image, command, ...extra }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  });
  const sa = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } });
  return [
    sa('kube-proxy'),
    sa('kindnet'),
    ds('kube-proxy', { 'k8s-app': 'kube-proxy' }, `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)']),
    ds('kindnet', { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, KINDNET_IMAGE, ['/bin/kindnetd'], { resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } }),
  ];
}

/** The local-path provisioner kind ships, and the helper image it runs for directory setup and teardown. */
export const LOCAL_PATH_PROVISIONER_IMAGE = 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a';
export const LOCAL_PATH_HELPER_IMAGE = 'docker.io/kindest/local-path-helper:v20241212-8ac705d0';
/** Images kind nodes carry for local-path storage (preloaded, so the provisioner starts without a pull). */
export const LOCAL_PATH_STORAGE_IMAGES: readonly string[] = [LOCAL_PATH_PROVISIONER_IMAGE, LOCAL_PATH_HELPER_IMAGE];

/**
 * kind's default storage, applied with `kubectl apply` as kind does (so each object carries the last-applied
 * annotation): the `local-path-storage` namespace with the `local-path-provisioner` Deployment, its service
 * account and `local-path-config` ConfigMap, and the default StorageClass `standard` (`rancher.io/local-path`,
 * reclaimPolicy Delete, WaitForFirstConsumer).
 * Divergence: the provisioner's Role, ClusterRole and bindings are left out (RBAC is not served).
 */
export function createLocalPathStorage(api: ApiServer): void {
  const ns = 'local-path-storage';
  const app = { app: 'local-path-provisioner' };
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'local-path-provisioner-service-account', namespace: ns } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'local-path-provisioner', namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: app },
        template: {
          metadata: { labels: app },
          spec: {
            containers: [{
              name: 'local-path-provisioner',
              image: LOCAL_PATH_PROVISIONER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['local-path-provisioner', '--debug', 'start', '--helper-image', LOCAL_PATH_HELPER_IMAGE, '--config', '/etc/config/config.json'],
              env: [
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
              ],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
            }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'local-path-provisioner-service-account',
            tolerations: [
              { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' },
              { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
            ],
            volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
          },
        },
      },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'local-path-config', namespace: ns },
      data: {
        'config.json': '{\n        "nodePathMap":[\n        {\n                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",\n                "paths":["/var/local-path-provisioner"]\n        }\n        ]\n}',
        setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"',
        teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"',
        'helperPod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: helper-pod\nspec:\n  priorityClassName: system-node-critical\n  tolerations:\n    - key: node.kubernetes.io/disk-pressure\n      operator: Exists\n      effect: NoSchedule\n  containers:\n  - name: helper-pod\n    image: ${LOCAL_PATH_HELPER_IMAGE}\n    imagePullPolicy: IfNotPresent`,
      },
    },
  ];
  for (const obj of objects) must(api, withLastApplied(obj as unknown as JsonMap) as unknown as KubeObject);
}
