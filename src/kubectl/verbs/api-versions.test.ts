import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

describe('kubectl api-versions', () => {
  it('lists every served group/version, sorted', () => {
    const s = session();
    expect(s.run('kubectl api-versions').output).toBe(
      'apps/v1\nautoscaling/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nevents.k8s.io/v1\nnetworking.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nscheduling.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
    );
  });
});
