/**
 * Golden tests: kubectl describe for namespaces and their policies. Expected texts match kubectl v1.34 output for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeObject } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
import * as x from './testing/fixtures-extra';

const ctx = fakeContext([...f.allObjects(), ...x.extraObjects()], f.NOW_MS);

describe('kubectl describe for namespaces and their policies', () => {
  it('namespace without quota or limit range', () => {
    const expected = [
      'Name:         default',
      'Labels:       kubernetes.io/metadata.name=default',
      'Annotations:  <none>',
      'Status:       Active',
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
      '',
    ].join('\n');
    expect(describeObject(f.namespaces()[0]!, ctx)).toBe(expected);
  });

  it('namespace with a quota and a limit range', () => {
    const expected = [
      'Name:         dev',
      'Labels:       kubernetes.io/metadata.name=dev',
      'Annotations:  <none>',
      'Status:       Active',
      '',
      'Resource Quotas',
      '  Name:            dev-qt',
      '  Resource         Used   Hard',
      '  --------         ---    ---',
      '  limits.memory    100Mi  8Gi',
      '  pods             1      10',
      '  requests.cpu     200m   2',
      '  requests.memory  50Mi   4Gi',
      '',
      'Resource Limits',
      ' Type       Resource  Min  Max    Default Request  Default Limit  Max Limit/Request Ratio',
      ' ----       --------  ---  ---    ---------------  -------------  -----------------------',
      ' Container  cpu       -    -      200m             500m           -',
      ' Container  memory    -    -      50Mi             100Mi          -',
      ' Pod        cpu       -    800m   -                -              -',
      ' Pod        memory    -    200Mi  -                -              -',
      '',
    ].join('\n');
    expect(describeObject(f.namespaces()[1]!, ctx)).toBe(expected);
  });

  it('ResourceQuota', () => {
    const expected = [
      'Name:            dev-qt',
      'Namespace:       dev',
      'Resource         Used   Hard',
      '--------         ----   ----',
      'limits.memory    100Mi  8Gi',
      'pods             1      10',
      'requests.cpu     200m   2',
      'requests.memory  50Mi   4Gi',
      '',
    ].join('\n');
    expect(describeObject(f.devPolicies()[0]!, ctx)).toBe(expected);
  });

  it('LimitRange', () => {
    const expected = [
      'Name:       dev-limits',
      'Namespace:  dev',
      'Type        Resource  Min  Max    Default Request  Default Limit  Max Limit/Request Ratio',
      '----        --------  ---  ---    ---------------  -------------  -----------------------',
      'Container   cpu       -    -      200m             500m           -',
      'Container   memory    -    -      50Mi             100Mi          -',
      'Pod         cpu       -    800m   -                -              -',
      'Pod         memory    -    200Mi  -                -              -',
      '',
    ].join('\n');
    expect(describeObject(f.devPolicies()[1]!, ctx)).toBe(expected);
  });
});
