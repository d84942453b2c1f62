import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

describe('ResourceQuota table', () => {
  it('splits used/hard into REQUEST and LIMIT, sorted by resource name', () => {
    const hard = {
      'requests.cpu': '10', 'requests.memory': '10Gi', 'limits.cpu': '10', 'limits.memory': '20Gi', 'requests.storage': '100Gi',
      persistentvolumeclaims: '100', configmaps: '100', pods: '100', secrets: '100', services: '10',
      'count/jobs.batch': '1', 'count/cronjobs.batch': '1', 'count/deployments.apps': '1',
    };
    const used = { configmaps: '1', pods: '0', 'requests.cpu': '0', 'limits.memory': '0' };
    const quotas = [
      obj('v1', 'ResourceQuota', 'dev-qt', 13, { spec: { hard }, status: { hard, used } }, { namespace: 'dev-ns' }),
      obj('v1', 'ResourceQuota', 'fresh', 1, { spec: { hard: { pods: '4' } } }, { namespace: 'dev-ns' }),
    ];
    expect(printTable(quotas, { nowMs: NOW })).toBe(
      'NAME     REQUEST                                                                                                                                                                                                                                                LIMIT                                     AGE\n' +
      'dev-qt   configmaps: 1/100, count/cronjobs.batch: 0/1, count/deployments.apps: 0/1, count/jobs.batch: 0/1, persistentvolumeclaims: 0/100, pods: 0/100, requests.cpu: 0/10, requests.memory: 0/10Gi, requests.storage: 0/100Gi, secrets: 0/100, services: 0/10   limits.cpu: 0/10, limits.memory: 0/20Gi   13s\n' +
      'fresh                                                                                                                                                                                                                                                                                                     1s\n',
    );
  });
});

describe('LimitRange table', () => {
  it('prints the apiserver default columns NAME and CREATED AT', () => {
    const lr = obj('v1', 'LimitRange', 'cpu-limit-range', 60, { spec: { limits: [{ type: 'Container', default: { cpu: '1' } }] } });
    expect(printTable([lr], { nowMs: NOW })).toBe(
      'NAME              CREATED AT\n' +
      'cpu-limit-range   2025-06-01T11:59:00Z\n',
    );
  });
});

describe('PodDisruptionBudget table', () => {
  it('prints min available, max unavailable and allowed disruptions', () => {
    const pdbs = [
      obj('policy/v1', 'PodDisruptionBudget', 'web-pdb', 300, { spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } }),
      obj('policy/v1', 'PodDisruptionBudget', 'zk-pdb', 300, { spec: { maxUnavailable: '25%' }, status: { disruptionsAllowed: 0 } }),
    ];
    expect(printTable(pdbs, { nowMs: NOW })).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' +
      'web-pdb   2               N/A               1                     5m\n' +
      'zk-pdb    N/A             25%               0                     5m\n',
    );
  });
});
