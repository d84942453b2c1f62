import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

describe('ConfigMap, Secret and ServiceAccount tables', () => {
  it('counts ConfigMap data and binaryData keys', () => {
    const cms = [
      obj('v1', 'ConfigMap', 'kube-root-ca.crt', 86400 * 47, { data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' } }),
      obj('v1', 'ConfigMap', 'ngx-conf', 30, { data: { 'default.conf': 'server {}', 'index.html': 'hi' }, binaryData: { 'favicon.ico': 'AAAB' } }),
      obj('v1', 'ConfigMap', 'empty', 5, {}),
    ];
    expect(printTable(cms, { nowMs: NOW })).toBe(
      'NAME               DATA   AGE\n' +
      'kube-root-ca.crt   1      47d\n' +
      'ngx-conf           3      30s\n' +
      'empty              0      5s\n',
    );
  });

  it('prints Secret TYPE and DATA', () => {
    const secrets = [
      obj('v1', 'Secret', 'db-pass', 90, { type: 'Opaque', data: { username: 'YWRtaW4=', password: 'MWYyZDFlMmU2N2Rm' } }),
      obj('v1', 'Secret', 'shop-tls', 86400 * 2, { type: 'kubernetes.io/tls', data: { 'tls.crt': 'LS0t', 'tls.key': 'LS0t' } }),
      obj('v1', 'Secret', 'regcred', 3600, { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'e30=' } }),
    ];
    expect(printTable(secrets, { nowMs: NOW })).toBe(
      'NAME       TYPE                             DATA   AGE\n' +
      'db-pass    Opaque                           2      90s\n' +
      'shop-tls   kubernetes.io/tls                2      2d\n' +
      'regcred    kubernetes.io/dockerconfigjson   1      60m\n',
    );
  });

  it('prints ServiceAccounts with their secret count', () => {
    const sas = [
      obj('v1', 'ServiceAccount', 'default', 86400 * 47, {}),
      obj('v1', 'ServiceAccount', 'nfs-client-provisioner', 20, { secrets: [{ name: 'nfs-client-provisioner-token' }] }),
    ];
    expect(printTable(sas, { nowMs: NOW })).toBe(
      'NAME                     SECRETS   AGE\n' +
      'default                  0         47d\n' +
      'nfs-client-provisioner   1         20s\n',
    );
  });
});
