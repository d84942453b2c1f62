/**
 * The external provisioners the simulator knows how to run: a pod whose container runs one of these images is,
 * while it is Running, a provisioner for the name its flags and environment give it. Provisioning stops when
 * the pod stops, as it does on a real cluster.
 * - local-path-provisioner (kind's default class `standard`, `rancher.io/local-path`): hostPath volumes on the
 *   node the scheduler picked.
 * - nfs-subdir-external-provisioner and its predecessor nfs-client-provisioner: one sub-directory of an NFS
 *   export per claim, named from `PROVISIONER_NAME`, `NFS_SERVER` and `NFS_PATH`. The predecessor's original
 *   quay.io/external_storage image no longer works on current clusters (see SELF_LINK_DEPENDENT_REPOSITORIES).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { fnv32a } from '../../../api/names';

/** Which simulated provisioner program a pod runs. */
export type ProvisionerKind = 'local-path' | 'nfs-subdir';

/** One running provisioner process. */
export interface ProvisionerInstance {
  kind: ProvisionerKind;
  /** The provisioner name classes refer to (`rancher.io/local-path`, `k8s-sigs.io/nfs-subdir-external-provisioner`). */
  name: string;
  /** `namespace/name` of the pod it runs in. */
  podKey: string;
  podName: string;
  namespace: string;
  /** The identity its events carry as their source: `<name>_<pod>_<uuid>`, as the provisioner library reports. */
  identity: string;
  /** local-path: the ConfigMap with config.json (node paths). */
  configMapName?: string;
  /** nfs-subdir: the export. */
  nfsServer?: string;
  nfsPath?: string;
}

const LOCAL_PATH_DEFAULT_NAME = 'rancher.io/local-path';

/**
 * Builds of the retired kubernetes-incubator/external-storage nfs-client provisioner. Their provisioning library
 * makes the claim reference from `metadata.selfLink`, which the apiserver stopped setting in v1.20 (RemoveSelfLink,
 * locked on since v1.24): on a v1.34 cluster the pod runs and logs `unexpected error getting claim reference:
 * selfLink was empty, can't make reference` for each claim, and provisions nothing.
 * Divergence: the pod runs as a plain long-running container here; its log lines are not modelled.
 */
const SELF_LINK_DEPENDENT_REPOSITORIES = new Set(['quay.io/external_storage/nfs-client-provisioner']);

/** The repository of an image reference without registry, tag or digest (`kindest/local-path-provisioner`). */
function repositoryPath(image: string): string {
  let rest = image.split('@')[0]!;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  return rest;
}

function envValue(c: Container, name: string): string | undefined {
  const e = (c.env ?? []).find((x) => x.name === name);
  return e?.value ?? undefined;
}

/** The value of `--flag=v` or `--flag v` in a container's command line. */
function flagValue(c: Container, flag: string): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${flag}` || a === `-${flag}`) return argv[i + 1];
    if (a.startsWith(`--${flag}=`)) return a.slice(flag.length + 3);
  }
  return undefined;
}

/** A deterministic UUID for the provisioner process of a pod (the real one draws it at start-up). */
function processUuid(podUid: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv32a(`${i}:${podUid}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** True when the pod is Running and not being deleted (the provisioner process is up). */
function isRunning(pod: Pod & KubeObject): boolean {
  return pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
}

/** The provisioner a pod runs, if it runs one and is Running; undefined otherwise. */
export function provisionerOf(pod: Pod & KubeObject): ProvisionerInstance | undefined {
  if (!isRunning(pod)) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const base = (kind: ProvisionerKind, name: string) => ({
    kind,
    name,
    podKey: `${ns}/${pod.metadata.name}`,
    podName: pod.metadata.name,
    namespace: ns,
    identity: `${name}_${pod.metadata.name}_${processUuid(pod.metadata.uid ?? pod.metadata.name)}`,
  });
  for (const c of pod.spec?.containers ?? []) {
    const repo = repositoryPath(c.image ?? '');
    if (/(^|\/)local-path-provisioner$/.test(repo)) {
      const name = flagValue(c, 'provisioner-name') ?? envValue(c, 'PROVISIONER_NAME') ?? LOCAL_PATH_DEFAULT_NAME;
      const configMapName = flagValue(c, 'configmap-name') ?? envValue(c, 'CONFIGMAP_NAME') ?? 'local-path-config';
      return { ...base('local-path', name), configMapName };
    }
    if (/(^|\/)(nfs-subdir-external-provisioner|nfs-client-provisioner)$/.test(repo)) {
      if (SELF_LINK_DEPENDENT_REPOSITORIES.has(repo)) return undefined;
      // The program exits at start-up without these; such a pod provisions nothing.
      const name = envValue(c, 'PROVISIONER_NAME');
      const server = envValue(c, 'NFS_SERVER');
      const path = envValue(c, 'NFS_PATH');
      if (!name || !server || !path) return undefined;
      return { ...base('nfs-subdir', name), nfsServer: server, nfsPath: path };
    }
  }
  return undefined;
}
