import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { StorageHarness, claimManifest, hostPathPV, podUsing } from '../testing/harness';
import { PV_RESYNC_PERIOD_MS } from './pv-controller';

function storageClass(name: string, provisioner: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, ...extra };
}

describe('PersistentVolume controller: binding', () => {
  it('binds a claim to a matching volume; the claim reports the volume\'s capacity and access modes', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('task-pv-volume', '10Gi', { cls: 'manual' }));
    h.create(claimManifest('task-pv-claim', '3Gi', { cls: 'manual' }));
    h.advance(100);
    const pvc = h.pvc('task-pv-claim')!;
    const pv = h.pv('task-pv-volume')!;
    expect(pvc.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } });
    expect(pvc.spec?.volumeName).toBe('task-pv-volume');
    expect(pvc.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(pv.status?.phase).toBe('Bound');
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(pv.spec?.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'task-pv-claim', uid: pvc.metadata.uid, apiVersion: 'v1' });
    expect(h.events('PersistentVolumeClaim', 'task-pv-claim')).toEqual([]);
  });

  it('a new volume becomes Available', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('pv1', '1Gi'));
    expect(h.phase('PersistentVolume', 'pv1')).toBe('Pending');
    h.advance(10);
    expect(h.phase('PersistentVolume', 'pv1')).toBe('Available');
    expect(h.pv('pv1')!.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
  });

  it('picks the smallest volume that fits, in the claim\'s class, matching its selector', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('big', '10Gi', { cls: 'c' }));
    h.create(hostPathPV('small', '1Gi', { cls: 'c' }));
    h.create(hostPathPV('medium', '5Gi', { cls: 'c' }));
    h.create(hostPathPV('other-class', '2Gi', { cls: 'd' }));
    h.create(hostPathPV('labelled', '8Gi', { cls: 'c', labels: { tier: 'gold' } }));
    h.advance(10);
    h.create(claimManifest('a', '2Gi', { cls: 'c' }));
    h.create(claimManifest('b', '2Gi', { cls: 'c', selector: { tier: 'gold' } }));
    h.advance(100);
    expect(h.pvc('a')!.spec?.volumeName).toBe('medium');
    expect(h.pvc('b')!.spec?.volumeName).toBe('labelled');
    expect(h.phase('PersistentVolume', 'small')).toBe('Available');
  });

  it('storageClassName "" binds only class-less volumes and says no class is set when none fits', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('classed', '1Gi', { cls: 'c' }));
    h.advance(10);
    h.create(claimManifest('none', '1Gi', { cls: '' }));
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'none')).toBe('Pending');
    expect(h.events('PersistentVolumeClaim', 'none')).toEqual(['Normal FailedBinding: no persistent volumes available for this claim and no storage class is set']);
    // A fitting volume that appears later is found on the next periodic sync.
    h.create(hostPathPV('plain', '1Gi'));
    h.advance(PV_RESYNC_PERIOD_MS);
    expect(h.pvc('none')!.spec?.volumeName).toBe('plain');
    expect(h.phase('PersistentVolumeClaim', 'none')).toBe('Bound');
  });

  it('repeats the waiting event on every resync, aggregated into one Event with a count', () => {
    const h = new StorageHarness();
    h.create(claimManifest('none', '1Gi', { cls: '' }));
    h.advance(100 + 3 * PV_RESYNC_PERIOD_MS);
    const events = h.api.list('Event', 'default').filter((e) => (e.involvedObject as { name: string }).name === 'none');
    expect(events.map((e) => [e.reason, e.count])).toEqual([['FailedBinding', 4]]);
  });

  it('a class without a StorageClass object and without a fitting volume fails provisioning', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('small', '10Mi', { cls: 'host-test' }));
    h.advance(10);
    h.create(claimManifest('big', '100Mi', { cls: 'host-test' }));
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'big')).toBe('Pending');
    expect(h.events('PersistentVolumeClaim', 'big')).toEqual(['Warning ProvisioningFailed: storageclass.storage.k8s.io "host-test" not found']);
  });

  it('honours spec.volumeName: binds that volume (user pre-binding), or reports why it cannot', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('wanted', '5Gi'));
    h.create(hostPathPV('smaller', '1Gi'));
    h.create(hostPathPV('tiny', '1Mi'));
    h.advance(10);
    h.create(claimManifest('mine', '1Gi', { cls: '', volumeName: 'wanted' }));
    h.create(claimManifest('greedy', '1Gi', { cls: '', volumeName: 'tiny' }));
    h.create(claimManifest('ghost', '1Gi', { cls: '', volumeName: 'nope' }));
    h.advance(100);
    const mine = h.pvc('mine')!;
    expect(mine.status?.phase).toBe('Bound');
    // The user bound the claim: only bind-completed; the controller completed the volume's side.
    expect(mine.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(h.pv('wanted')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(h.phase('PersistentVolumeClaim', 'greedy')).toBe('Pending');
    expect(h.events('PersistentVolumeClaim', 'greedy')).toEqual(['Warning VolumeMismatch: Cannot bind to requested volume "tiny": requested PV is too small']);
    expect(h.phase('PersistentVolumeClaim', 'ghost')).toBe('Pending');
    expect(h.events('PersistentVolumeClaim', 'ghost')).toEqual([]);
  });

  it('honours a volume\'s claimRef: reserved for that claim only, even when a smaller volume fits', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('reserved', '10Gi', { claimRef: { name: 'vip', namespace: 'default' } }));
    h.create(hostPathPV('free', '1Gi'));
    h.advance(10);
    expect(h.phase('PersistentVolume', 'reserved')).toBe('Available');
    h.create(claimManifest('other', '1Gi', { cls: '' }));
    h.advance(100);
    expect(h.pvc('other')!.spec?.volumeName).toBe('free');
    h.create(claimManifest('vip', '1Gi', { cls: '' }));
    h.advance(100);
    const vip = h.pvc('vip')!;
    expect(vip.spec?.volumeName).toBe('reserved');
    expect(vip.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    // The user made the volume's half of the binding: no bound-by-controller on the volume.
    expect(h.pv('reserved')!.metadata.annotations).toBeUndefined();
    expect(h.pv('reserved')!.spec?.claimRef?.uid).toBe(vip.metadata.uid);
  });

  it('a claim that names a volume reserved for another claim waits, with FailedBinding', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('reserved', '1Gi', { claimRef: { name: 'vip', namespace: 'default' } }));
    h.advance(10);
    h.create(claimManifest('intruder', '1Gi', { cls: '', volumeName: 'reserved' }));
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'intruder')).toBe('Pending');
    expect(h.events('PersistentVolumeClaim', 'intruder')).toEqual(['Warning FailedBinding: volume "reserved" already bound to a different claim.']);
  });

  it('WaitForFirstConsumer claims wait for a pod, naming pods that are not scheduled yet', () => {
    const h = new StorageHarness();
    h.create(storageClass('local', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' }));
    h.create(claimManifest('wait', '1Gi', { cls: 'local' }));
    h.advance(100);
    expect(h.events('PersistentVolumeClaim', 'wait')).toEqual(['Normal WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    h.create({ ...podUsing('consumer', 'wait'), spec: { ...(podUsing('consumer', 'wait').spec as object), nodeName: undefined } } as KubeObject);
    h.advance(PV_RESYNC_PERIOD_MS);
    expect(h.events('PersistentVolumeClaim', 'wait')).toContain('Normal WaitForPodScheduled: waiting for pod consumer to be scheduled');
  });

  it('asks an external provisioner for a volume: storage-provisioner annotations and ExternalProvisioning', () => {
    const h = new StorageHarness();
    h.create(storageClass('nfs-client', 'k8s-sigs.io/nfs-subdir-external-provisioner'));
    h.create(claimManifest('dyn', '10Mi', { cls: 'nfs-client', modes: ['ReadWriteMany'] }));
    h.advance(100);
    const pvc = h.pvc('dyn')!;
    expect(pvc.status?.phase).toBe('Pending');
    expect(pvc.metadata.annotations).toEqual({
      'volume.beta.kubernetes.io/storage-provisioner': 'k8s-sigs.io/nfs-subdir-external-provisioner',
      'volume.kubernetes.io/storage-provisioner': 'k8s-sigs.io/nfs-subdir-external-provisioner',
    });
    expect(h.events('PersistentVolumeClaim', 'dyn')).toEqual([
      "Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'k8s-sigs.io/nfs-subdir-external-provisioner' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ]);
  });

  it('in-tree provisioners that do not exist or are disabled fail as upstream', () => {
    const h = new StorageHarness();
    h.create(storageClass('none', 'kubernetes.io/no-provisioner'));
    h.create(storageClass('hp', 'kubernetes.io/host-path'));
    h.create(claimManifest('a', '1Gi', { cls: 'none' }));
    h.create(claimManifest('b', '1Gi', { cls: 'hp' }));
    h.advance(100);
    expect(h.events('PersistentVolumeClaim', 'a')).toEqual(['Warning ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner']);
    expect(h.events('PersistentVolumeClaim', 'b')).toEqual(['Warning ProvisioningFailed: Failed to create provisioner: provisioning in volume plugin "kubernetes.io/host-path" is disabled']);
  });

  it('gives a claim without class the default class once one exists', () => {
    const h = new StorageHarness();
    h.create(claimManifest('late', '1Gi'));
    h.advance(100);
    expect(h.pvc('late')!.spec?.storageClassName).toBeUndefined();
    h.create(storageClass('std', 'example.com/x', { metadata: { name: 'std', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }));
    h.advance(PV_RESYNC_PERIOD_MS);
    expect(h.pvc('late')!.spec?.storageClassName).toBe('std');
  });
});

describe('PersistentVolume controller: release and reclaim', () => {
  function bound(h: StorageHarness, pv: KubeObject): void {
    h.create(pv);
    h.advance(10);
    h.create(claimManifest('claim', '1Gi', { cls: '' }));
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'claim')).toBe('Bound');
  }

  it('Retain: the volume is Released and keeps its claimRef', () => {
    const h = new StorageHarness();
    bound(h, hostPathPV('kept', '1Gi'));
    h.api.delete('PersistentVolumeClaim', 'default', 'claim');
    h.advance(100);
    expect(h.pvc('claim')).toBeUndefined();
    expect(h.phase('PersistentVolume', 'kept')).toBe('Released');
    expect(h.pv('kept')!.spec?.claimRef?.name).toBe('claim');
    // A new claim of the same name does not get it back.
    h.create(claimManifest('claim', '1Gi', { cls: '' }));
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'claim')).toBe('Pending');
  });

  it('Delete: a hostPath volume under /tmp is deleted; elsewhere it fails', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('scratch', '1Gi', { policy: 'Delete', path: '/tmp/scratch' }));
    h.advance(10);
    h.create(claimManifest('claim', '1Gi', { cls: '' }));
    h.advance(100);
    h.api.delete('PersistentVolumeClaim', 'default', 'claim');
    h.advance(100);
    expect(h.pv('scratch')).toBeUndefined();

    h.create(hostPathPV('data', '1Gi', { policy: 'Delete', path: '/mnt/data' }));
    h.advance(10);
    h.create(claimManifest('claim2', '1Gi', { cls: '' }));
    h.advance(100);
    h.api.delete('PersistentVolumeClaim', 'default', 'claim2');
    h.advance(100);
    const pv = h.pv('data')!;
    expect(pv.status?.phase).toBe('Failed');
    expect(pv.status?.message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/data');
    expect(h.events('PersistentVolume', 'data')).toEqual(['Warning VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /mnt/data']);
  });

  it('Delete: an NFS volume has no in-tree deleter', () => {
    const h = new StorageHarness();
    bound(h, { ...hostPathPV('share', '1Gi', { policy: 'Delete' }), spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', nfs: { server: '10.0.0.1', path: '/exports/a' } } });
    h.api.delete('PersistentVolumeClaim', 'default', 'claim');
    h.advance(100);
    expect(h.pv('share')!.status?.message).toBe('error getting deleter volume plugin for volume "share": no deletable volume plugin matched');
  });

  it('Recycle: the volume is scrubbed and Available again', () => {
    const h = new StorageHarness();
    bound(h, hostPathPV('reuse', '1Gi', { policy: 'Recycle' }));
    h.api.delete('PersistentVolumeClaim', 'default', 'claim');
    h.advance(100);
    expect(h.phase('PersistentVolume', 'reuse')).toBe('Released');
    h.advance(7_000);
    expect(h.phase('PersistentVolume', 'reuse')).toBe('Available');
    expect(h.pv('reuse')!.spec?.claimRef).toBeUndefined();
    expect(h.events('PersistentVolume', 'reuse')).toEqual(['Normal VolumeRecycled: Volume recycled']);
  });

  it('a bound claim whose volume disappears is Lost', () => {
    const h = new StorageHarness();
    bound(h, hostPathPV('fragile', '1Gi'));
    // Only a forced removal gets a bound volume past pv-protection.
    h.api.delete('PersistentVolume', undefined, 'fragile');
    h.advance(100);
    expect(h.pv('fragile')!.metadata.deletionTimestamp).toBeDefined();
    h.api.removeFinalizer('PersistentVolume', undefined, 'fragile', 'kubernetes.io/pv-protection');
    h.advance(100);
    expect(h.phase('PersistentVolumeClaim', 'claim')).toBe('Lost');
    expect(h.events('PersistentVolumeClaim', 'claim')).toEqual(['Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!']);
  });
});

describe('protection finalizers', () => {
  it('a claim used by a scheduled pod stays Terminating until the pod is gone', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('pv', '1Gi'));
    h.advance(10);
    h.create(claimManifest('data', '1Gi', { cls: '' }));
    h.create(podUsing('user', 'data'));
    h.advance(100);
    h.api.delete('PersistentVolumeClaim', 'default', 'data');
    h.advance(1_000);
    expect(h.pvc('data')!.metadata.deletionTimestamp).toBeDefined();
    expect(h.pvc('data')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(h.phase('PersistentVolume', 'pv')).toBe('Bound');
    h.api.delete('Pod', 'default', 'user', { gracePeriodSeconds: 0 });
    h.advance(100);
    expect(h.pvc('data')).toBeUndefined();
    expect(h.phase('PersistentVolume', 'pv')).toBe('Released');
  });

  it('a Bound volume stays Terminating until its claim is gone', () => {
    const h = new StorageHarness();
    h.create(hostPathPV('pv', '1Gi'));
    h.advance(10);
    h.create(claimManifest('data', '1Gi', { cls: '' }));
    h.advance(100);
    h.api.delete('PersistentVolume', undefined, 'pv');
    h.advance(1_000);
    expect(h.pv('pv')!.metadata.deletionTimestamp).toBeDefined();
    h.api.delete('PersistentVolumeClaim', 'default', 'data');
    h.advance(100);
    expect(h.pv('pv')).toBeUndefined();
  });

  it('adds the finalizers to objects created without them', () => {
    const h = new StorageHarness();
    // Objects that predate the admission plugin: the controllers add the finalizer.
    const pv = h.create(hostPathPV('old', '1Gi'));
    h.api.mutate('PersistentVolume', undefined, pv.metadata.name, (v) => {
      delete v.metadata.finalizers;
    });
    h.advance(100);
    expect(h.pv('old')!.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });
});
