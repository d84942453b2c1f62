/**
 * Golden tests: kubectl describe for configuration and storage objects. Expected texts match kubectl v1.34 output for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeObject } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
import * as x from './testing/fixtures-extra';

const ctx = fakeContext([...f.allObjects(), ...x.extraObjects()], f.NOW_MS);

describe('kubectl describe for configuration and storage objects', () => {
  it('ConfigMap with two keys', () => {
    const expected = [
      'Name:         app-config',
      'Namespace:    default',
      'Labels:       app=web',
      'Annotations:  <none>',
      '',
      'Data',
      '====',
      'LOG_LEVEL:',
      '----',
      'info',
      '',
      'nginx.conf:',
      '----',
      'server {',
      '  listen 80;',
      '}',
      '',
      '',
      '',
      'BinaryData',
      '====',
      '',
      'Events:  <none>',
      '',
    ].join('\n');
    expect(describeObject(f.appConfigMap(), ctx)).toBe(expected);
  });

  it('ConfigMap with a tab in a value and binary data', () => {
    const expected = [
      'Name:         blob',
      'Namespace:    default',
      'Labels:       <none>',
      'Annotations:  <none>',
      '',
      'Data',
      '====',
      'table.tsv:',
      '----',
      'name  value',
      '',
      '',
      'BinaryData',
      '====',
      'logo.png: 70 bytes',
      '',
      'Events:  <none>',
      '',
    ].join('\n');
    expect(describeObject(x.miscObjects()[1]!, ctx)).toBe(expected);
  });

  it('Opaque Secret shows sizes, never values', () => {
    const expected = [
      'Name:         db-creds',
      'Namespace:    default',
      'Labels:       <none>',
      'Annotations:  <none>',
      '',
      'Type:  Opaque',
      '',
      'Data',
      '====',
      'password:  7 bytes',
      'username:  5 bytes',
      '',
    ].join('\n');
    expect(describeObject(f.dbSecret(), ctx)).toBe(expected);
  });

  it('ServiceAccount with a token Secret and a missing pull secret', () => {
    const expected = [
      'Name:                builder',
      'Namespace:           default',
      'Labels:              <none>',
      'Annotations:         <none>',
      'Image pull secrets:  regcred (not found)',
      'Mountable secrets:   builder-token',
      'Tokens:              builder-token',
      'Events:              <none>',
      '',
    ].join('\n');
    expect(describeObject(x.serviceAccounts()[0]!, ctx)).toBe(expected);
  });

  it('bound PersistentVolumeClaim used by a pod', () => {
    const expected = [
      'Name:          data-redis-0',
      'Namespace:     default',
      'StorageClass:  standard',
      'Status:        Bound',
      'Volume:        pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21',
      'Labels:        app=redis',
      'Annotations:   pv.kubernetes.io/bind-completed: yes',
      '               pv.kubernetes.io/bound-by-controller: yes',
      '               volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path',
      '               volume.kubernetes.io/selected-node: kubeplay-worker2',
      '               volume.kubernetes.io/storage-provisioner: rancher.io/local-path',
      'Finalizers:    [kubernetes.io/pvc-protection]',
      'Capacity:      1Gi',
      'Access Modes:  RWO',
      'VolumeMode:    Filesystem',
      'Used By:       redis-0',
      'Events:',
      '  Type    Reason                Age                From                         Message',
      '  ----    ------                ----               ----                         -------',
      '  Normal  WaitForFirstConsumer  14m                persistentvolume-controller  waiting for first consumer to be created before binding',
      '  Normal  ExternalProvisioning  14m (x3 over 14m)  persistentvolume-controller  Waiting for a volume to be created either by the external provisioner \'rancher.io/local-path\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.',
      '',
    ].join('\n');
    expect(describeObject(x.redisObjects()[3]!, ctx)).toBe(expected);
  });

  it('PersistentVolume with node affinity', () => {
    const expected = [
      'Name:              pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21',
      'Labels:            <none>',
      'Annotations:       local.path.provisioner/selected-node: kubeplay-worker2',
      '                   pv.kubernetes.io/provisioned-by: rancher.io/local-path',
      'Finalizers:        [kubernetes.io/pv-protection]',
      'StorageClass:      standard',
      'Status:            Bound',
      'Claim:             default/data-redis-0',
      'Reclaim Policy:    Delete',
      'Access Modes:      RWO',
      'VolumeMode:        Filesystem',
      'Capacity:          1Gi',
      'Node Affinity:     ',
      '  Required Terms:  ',
      '    Term 0:        kubernetes.io/hostname in [kubeplay-worker2]',
      'Message:           ',
      'Source:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /var/local-path-provisioner/pvc-0b8e4c52-9d1a-4f3e-8c7b-2a6d5e4f3c21_default_data-redis-0',
      '    HostPathType:  DirectoryOrCreate',
      'Events:            <none>',
      '',
    ].join('\n');
    expect(describeObject(x.redisObjects()[4]!, ctx)).toBe(expected);
  });

  it('default StorageClass', () => {
    const expected = [
      'Name:                  standard',
      'IsDefaultClass:        Yes',
      'Annotations:           storageclass.kubernetes.io/is-default-class=true',
      'Provisioner:           rancher.io/local-path',
      'Parameters:            <none>',
      'AllowVolumeExpansion:  <unset>',
      'MountOptions:          <none>',
      'ReclaimPolicy:         Delete',
      'VolumeBindingMode:     WaitForFirstConsumer',
      'Events:                <none>',
      '',
    ].join('\n');
    expect(describeObject(x.redisObjects()[5]!, ctx)).toBe(expected);
  });
});
