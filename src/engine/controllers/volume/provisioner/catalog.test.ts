import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { provisionerOf } from './catalog';

const NFS_ENV = [
  { name: 'PROVISIONER_NAME', value: 'example.com/nfs' },
  { name: 'NFS_SERVER', value: '192.168.56.101' },
  { name: 'NFS_PATH', value: '/var/vols/nfs/dynamic' },
];

function runningPod(image: string, env = NFS_ENV, phase = 'Running'): Pod & KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nfs-client-provisioner-7d557b79c4-4968f', namespace: 'default', uid: '0b7c1f3e-6f1e-4c39-9d53-1f0f7c2b8a11' },
    spec: { containers: [{ name: 'nfs-client-provisioner', image, env }] },
    status: { phase },
  } as Pod & KubeObject;
}

describe('provisionerOf: NFS provisioners', () => {
  it('runs the NFS subdir provisioner with the name and export from its environment', () => {
    const p = provisionerOf(runningPod('registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2'));
    expect(p).toMatchObject({
      kind: 'nfs-subdir',
      name: 'example.com/nfs',
      podKey: 'default/nfs-client-provisioner-7d557b79c4-4968f',
      nfsServer: '192.168.56.101',
      nfsPath: '/var/vols/nfs/dynamic',
    });
    expect(p?.identity).toMatch(/^example\.com\/nfs_nfs-client-provisioner-7d557b79c4-4968f_[0-9a-f-]{36}$/);
  });

  it('provisions nothing with the retired quay.io/external_storage nfs-client image (it needs selfLink, gone since v1.20)', () => {
    expect(provisionerOf(runningPod('quay.io/external_storage/nfs-client-provisioner:latest'))).toBeUndefined();
    expect(provisionerOf(runningPod('quay.io/external_storage/nfs-client-provisioner:v3.1.0-k8s1.11'))).toBeUndefined();
  });

  it('keeps rebuilt forks of nfs-client-provisioner working', () => {
    expect(provisionerOf(runningPod('vbouchaud/nfs-client-provisioner:v3.2.2'))?.kind).toBe('nfs-subdir');
  });

  it('provisions nothing without its environment or while the pod is not Running', () => {
    const image = 'registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2';
    expect(provisionerOf(runningPod(image, NFS_ENV.slice(1)))).toBeUndefined();
    expect(provisionerOf(runningPod(image, NFS_ENV, 'Pending'))).toBeUndefined();
  });
});
