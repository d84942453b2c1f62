import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

describe('PersistentVolume table', () => {
  const pvs = [
    obj('v1', 'PersistentVolume', 'host-10m-pv', 322, {
      spec: { capacity: { storage: '10Mi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'host-test', volumeMode: 'Filesystem', hostPath: { path: '/tmp/host-10m-pv/' } },
      status: { phase: 'Available' },
    }),
    obj('v1', 'PersistentVolume', 'pvc-588e6c06-9d21-491d-baec-9a6d35635c2b', 120, {
      spec: {
        capacity: { storage: '10Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'nfs-client', volumeMode: 'Filesystem', claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'nfs-dyn-10m-pvc' },
      },
      status: { phase: 'Bound' },
    }),
    obj('v1', 'PersistentVolume', 'old-pv', 86400 * 10, {
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Recycle', volumeAttributesClassName: 'gold' },
      status: { phase: 'Failed', reason: 'VolumeFailedRecycle' },
    }, { annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' }, deletionTimestamp: '2025-06-01T11:00:00Z' }),
  ];

  it('prints capacity, access modes, claim, class and reason', () => {
    expect(printTable(pvs, { nowMs: NOW })).toBe(
      'NAME                                       CAPACITY   ACCESS MODES       RECLAIM POLICY   STATUS        CLAIM                     STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON                AGE\n' +
      'host-10m-pv                                10Mi       RWO                Retain           Available                               host-test      <unset>                                       5m22s\n' +
      'pvc-588e6c06-9d21-491d-baec-9a6d35635c2b   10Mi       RWO,ROX,RWX,RWOP   Delete           Bound         default/nfs-dyn-10m-pvc   nfs-client     <unset>                                       2m\n' +
      'old-pv                                     1Gi        RWO                Recycle          Terminating                             legacy         gold                    VolumeFailedRecycle   10d\n',
    );
    expect(printTable(pvs.slice(0, 1), { nowMs: NOW, wide: true, noHeaders: true })).toBe(
      'host-10m-pv   10Mi   RWO   Retain   Available         host-test   <unset>         5m22s   Filesystem\n',
    );
  });
});

describe('PersistentVolumeClaim table', () => {
  it('shows capacity and access modes only once bound to a volume', () => {
    const pvcs = [
      obj('v1', 'PersistentVolumeClaim', 'host-5m-pvc', 4, {
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Mi' } }, storageClassName: 'host-test', volumeName: 'host-10m-pv', volumeMode: 'Filesystem' },
        status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Mi' } },
      }),
      obj('v1', 'PersistentVolumeClaim', 'big-pvc', 30, {
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Mi' } }, storageClassName: 'host-test', volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      }),
      obj('v1', 'PersistentVolumeClaim', 'data-redis-sts-0', 86400, {
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'pvc-1f0e', volumeAttributesClassName: 'silver' },
        status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
      }, { deletionTimestamp: '2025-06-01T11:59:00Z', annotations: { 'volume.beta.kubernetes.io/storage-class': 'standard' } }),
    ];
    expect(printTable(pvcs, { nowMs: NOW })).toBe(
      'NAME               STATUS        VOLUME        CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
      'host-5m-pvc        Bound         host-10m-pv   10Mi       RWO            host-test      <unset>                 4s\n' +
      'big-pvc            Pending                                               host-test      <unset>                 30s\n' +
      'data-redis-sts-0   Terminating   pvc-1f0e      1Gi        RWO            standard       silver                  24h\n',
    );
    expect(printTable(pvcs.slice(1, 2), { nowMs: NOW, wide: true })).toBe(
      'NAME      STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE\n' +
      'big-pvc   Pending                                      host-test      <unset>                 30s   Filesystem\n',
    );
  });
});

describe('StorageClass table', () => {
  it('marks the default class and fills defaults for unset fields', () => {
    const classes = [
      obj('storage.k8s.io/v1', 'StorageClass', 'standard', 86400 * 47, { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' },
        { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
      obj('storage.k8s.io/v1', 'StorageClass', 'nfs-client', 20, { provisioner: 'k8s-sigs.io/nfs-subdir-external-provisioner', parameters: { archiveOnDelete: 'false' } }),
      obj('storage.k8s.io/v1', 'StorageClass', 'nfs-client-retained', 20, {
        provisioner: 'k8s-sigs.io/nfs-subdir-external-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate', allowVolumeExpansion: true,
      }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } }),
    ];
    expect(printTable(classes, { nowMs: NOW })).toBe(
      'NAME                  PROVISIONER                                   RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
      'standard (default)    rancher.io/local-path                         Delete          WaitForFirstConsumer   false                  47d\n' +
      'nfs-client            k8s-sigs.io/nfs-subdir-external-provisioner   Delete          Immediate              false                  20s\n' +
      'nfs-client-retained   k8s-sigs.io/nfs-subdir-external-provisioner   Retain          Immediate              true                   20s\n',
    );
  });
});
