import { beforeEach, describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';
import type { StoredPV, StoredPVC } from './helpers/storage';

type StoredPod = Pod & KubeObject;

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

function must(obj: KubeObject): KubeObject {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

const pvc = (name: string) => cluster.api.get<StoredPVC>('PersistentVolumeClaim', 'default', name);
const pv = (name: string) => cluster.api.get<StoredPV>('PersistentVolume', undefined, name);
const pod = (name: string) => cluster.api.get<StoredPod>('Pod', 'default', name);
const pvs = () => cluster.api.list<StoredPV>('PersistentVolume');

function eventsOf(kind: string, name: string): string[] {
  return cluster.api
    .list('Event', 'default')
    .filter((e) => (e.involvedObject as { kind: string; name: string }).kind === kind && (e.involvedObject as { name: string }).name === name)
    .map((e) => `${e.reason as string}: ${e.message as string}`);
}

function claim(name: string, size: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...extra } };
}

function podWith(name: string, claimName: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:alpine', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }], ...extra },
  };
}

function hostPathPV(name: string, size: string, cls: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { storageClassName: cls, accessModes: ['ReadWriteOnce'], capacity: { storage: size }, hostPath: { path: `/tmp/${name}/` }, ...extra } };
}

describe('cluster storage: bootstrap', () => {
  it('ships kind\'s default StorageClass and a running local-path provisioner', () => {
    const sc = cluster.api.get('StorageClass', undefined, 'standard')!;
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
    expect(sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
    const pods = cluster.api.list<StoredPod>('Pod', 'local-path-storage');
    expect(pods.map((p) => [p.metadata.name.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, ''), p.status?.phase])).toEqual([['local-path-provisioner', 'Running']]);
  });
});

describe('cluster storage: static volumes (seed 000 S000-01/02)', () => {
  it('binds a hostPath PV and PVC; the claim reports the volume\'s 10Mi; a pod using it runs', () => {
    must(hostPathPV('host-10m-pv', '10Mi', 'host-test'));
    cluster.advance(1_000);
    expect(pv('host-10m-pv')!.status?.phase).toBe('Available');
    must(claim('host-5m-pvc', '5Mi', { storageClassName: 'host-test' }));
    cluster.advance(1_000);
    expect(pvc('host-5m-pvc')!.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Mi' } });
    expect(pv('host-10m-pv')!.spec?.claimRef?.name).toBe('host-5m-pvc');
    must(podWith('host-pvc-pod', 'host-5m-pvc'));
    cluster.advance(30_000);
    expect(pod('host-pvc-pod')!.status?.phase).toBe('Running');
    expect(eventsOf('Pod', 'host-pvc-pod').filter((e) => e.startsWith('FailedScheduling'))).toEqual([]);
  });

  it('a request larger than every volume stays Pending and binds when a big enough volume appears', () => {
    must(hostPathPV('host-10m-pv', '10Mi', 'host-test'));
    cluster.advance(1_000);
    must(claim('host-100m-pvc', '100Mi', { storageClassName: 'host-test' }));
    cluster.advance(20_000);
    expect(pvc('host-100m-pvc')!.status?.phase).toBe('Pending');
    must(hostPathPV('host-200m-pv', '200Mi', 'host-test'));
    cluster.advance(16_000);
    expect(pvc('host-100m-pvc')!.spec?.volumeName).toBe('host-200m-pv');
  });

  it('a pod whose claim is not bound waits with the scheduler\'s message and starts once it binds', () => {
    must(claim('later', '1Gi', { storageClassName: 'manual' }));
    must(podWith('waiting', 'later'));
    cluster.advance(5_000);
    expect(pod('waiting')!.spec?.nodeName).toBeUndefined();
    expect(eventsOf('Pod', 'waiting')).toEqual([
      'FailedScheduling: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    must(hostPathPV('manual-pv', '1Gi', 'manual'));
    cluster.advance(20_000);
    expect(pvc('later')!.status?.phase).toBe('Bound');
    expect(pod('waiting')!.status?.phase).toBe('Running');
  });

  it('a pod whose claim does not exist is unschedulable with the claim named', () => {
    must(podWith('orphan', 'nope'));
    cluster.advance(5_000);
    expect(eventsOf('Pod', 'orphan')).toEqual([
      'FailedScheduling: 0/3 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
  });

  it('a pod placed by nodeName on an unbound claim reports FailedMount from the kubelet', () => {
    must(claim('unbound', '1Gi', { storageClassName: 'manual' }));
    must(podWith('pinned', 'unbound', { nodeName: 'kubeplay-worker' }));
    cluster.advance(5_000);
    expect(pod('pinned')!.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(eventsOf('Pod', 'pinned')).toEqual([
      'FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/unbound: PVC is not bound',
    ]);
  });
});

describe('cluster storage: dynamic provisioning with the default class', () => {
  it('waits for the first consumer, then provisions on the pod\'s node and binds', () => {
    must(claim('data', '1Gi'));
    cluster.advance(5_000);
    expect(pvc('data')!.spec?.storageClassName).toBe('standard');
    expect(pvc('data')!.status?.phase).toBe('Pending');
    expect(eventsOf('PersistentVolumeClaim', 'data')).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    must(podWith('user', 'data'));
    cluster.advance(20_000);
    const c = pvc('data')!;
    const node = pod('user')!.spec!.nodeName!;
    expect(c.status?.phase).toBe('Bound');
    expect(c.spec?.volumeName).toBe(`pvc-${c.metadata.uid}`);
    expect(c.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const v = pv(c.spec!.volumeName!)!;
    expect(v.metadata.annotations).toEqual({ 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(v.spec).toMatchObject({
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      hostPath: { path: `/var/local-path-provisioner/pvc-${c.metadata.uid}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    });
    expect(pod('user')!.status?.phase).toBe('Running');
    const reasons = eventsOf('PersistentVolumeClaim', 'data').map((e) => e.split(':')[0]);
    expect(reasons).toEqual(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    expect(eventsOf('PersistentVolumeClaim', 'data')).toContain(`ProvisioningSucceeded: Successfully provisioned volume pvc-${c.metadata.uid}`);
    // No FailedMount noise while the volume was being provisioned for the pod's node.
    expect(eventsOf('Pod', 'user').some((e) => e.startsWith('FailedMount'))).toBe(false);
  });

  it('Delete: deleting the claim deletes the provisioned volume; Retain keeps it Released', () => {
    must({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'keep' }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' });
    must(claim('gone', '1Gi'));
    must(claim('kept', '2Gi', { storageClassName: 'keep' }));
    must(podWith('a', 'gone'));
    must(podWith('b', 'kept'));
    cluster.advance(20_000);
    const goneVolume = pvc('gone')!.spec!.volumeName!;
    const keptVolume = pvc('kept')!.spec!.volumeName!;
    expect(pv(keptVolume)!.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    for (const p of ['a', 'b']) cluster.api.delete('Pod', 'default', p);
    cluster.advance(5_000);
    cluster.api.delete('PersistentVolumeClaim', 'default', 'gone');
    cluster.api.delete('PersistentVolumeClaim', 'default', 'kept');
    cluster.advance(10_000);
    expect(pv(goneVolume)).toBeUndefined();
    expect(pv(keptVolume)!.status?.phase).toBe('Released');
  });

  it('pvc-protection: a claim in use stays Terminating until its pod is gone', () => {
    must(claim('data', '1Gi'));
    must(podWith('user', 'data'));
    cluster.advance(20_000);
    cluster.api.delete('PersistentVolumeClaim', 'default', 'data');
    cluster.advance(10_000);
    expect(pvc('data')!.metadata.deletionTimestamp).toBeDefined();
    expect(pvc('data')!.status?.phase).toBe('Bound');
    cluster.api.delete('Pod', 'default', 'user');
    cluster.advance(10_000);
    expect(pod('user')).toBeUndefined();
    expect(pvc('data')).toBeUndefined();
    expect(pvs().filter((v) => v.spec?.storageClassName === 'standard')).toEqual([]);
  });

  it('local-path refuses ReadWriteMany, as the real provisioner does', () => {
    must(claim('shared', '1Gi', { accessModes: ['ReadWriteMany'] }));
    must(podWith('user', 'shared'));
    cluster.advance(10_000);
    expect(pvc('shared')!.status?.phase).toBe('Pending');
    expect(eventsOf('PersistentVolumeClaim', 'shared')).toContain('ProvisioningFailed: failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
  });
});

describe('cluster storage: the NFS subdir provisioner', () => {
  const nfsDeployment = (replicas: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nfs-client-provisioner', namespace: 'default' },
    spec: {
      replicas,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: { app: 'nfs-client-provisioner' } },
      template: {
        metadata: { labels: { app: 'nfs-client-provisioner' } },
        spec: {
          containers: [{
            name: 'nfs-client-provisioner',
            image: 'k8s.gcr.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2',
            env: [
              { name: 'PROVISIONER_NAME', value: 'k8s-sigs.io/nfs-subdir-external-provisioner' },
              { name: 'NFS_SERVER', value: '192.168.56.101' },
              { name: 'NFS_PATH', value: '/tmp/nfs' },
            ],
          }],
        },
      },
    },
  });

  it('provisions only while its pod runs: Pending with ExternalProvisioning before, an NFS sub-directory volume after', () => {
    must({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nfs-client' }, provisioner: 'k8s-sigs.io/nfs-subdir-external-provisioner', parameters: { archiveOnDelete: 'false' } });
    must(claim('nfs-dyn-10m-pvc', '10Mi', { storageClassName: 'nfs-client', accessModes: ['ReadWriteMany'] }));
    cluster.advance(20_000);
    expect(pvc('nfs-dyn-10m-pvc')!.status?.phase).toBe('Pending');
    expect(new Set(eventsOf('PersistentVolumeClaim', 'nfs-dyn-10m-pvc'))).toEqual(new Set([
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'k8s-sigs.io/nfs-subdir-external-provisioner' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ]));
    must(nfsDeployment(1));
    cluster.advance(20_000);
    const c = pvc('nfs-dyn-10m-pvc')!;
    expect(c.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '10Mi' } });
    const v = pv(c.spec!.volumeName!)!;
    expect(v.spec).toMatchObject({
      nfs: { server: '192.168.56.101', path: `/tmp/nfs/default-nfs-dyn-10m-pvc-pvc-${c.metadata.uid}` },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'nfs-client',
      capacity: { storage: '10Mi' },
    });
    expect(v.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'k8s-sigs.io/nfs-subdir-external-provisioner' });

    // With the provisioner scaled down, a new claim waits again.
    cluster.api.mutate('Deployment', 'default', 'nfs-client-provisioner', (d) => {
      (d.spec as { replicas: number }).replicas = 0;
    });
    cluster.advance(40_000);
    must(claim('second', '10Mi', { storageClassName: 'nfs-client', accessModes: ['ReadWriteMany'] }));
    cluster.advance(20_000);
    expect(pvc('second')!.status?.phase).toBe('Pending');
  });
});
