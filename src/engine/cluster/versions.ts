/** The versions the simulated cluster reports: one Kubernetes release, v1.34, everywhere. */
export const KUBERNETES_VERSION = 'v1.34.0';
export const CONTAINERD_VERSION = 'containerd://2.1.3';
export const KERNEL_VERSION = '6.8.0-85-generic';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.4-0';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';
export const KINDNET_IMAGE = 'docker.io/kindest/kindnetd:v20250512-df8de77b';
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

/** Images every kind node image ships preloaded, so system pods start without pulls. */
export const PRELOADED_IMAGES = [
  ETCD_IMAGE,
  COREDNS_IMAGE,
  KINDNET_IMAGE,
  PAUSE_IMAGE,
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
];
