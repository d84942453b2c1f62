import { describe, expect, it } from 'vitest';
import type { StoredDaemonSet } from './util/daemonset-util';
import { byRevision, daemonSetTemplatePatch, matchesRevision, maxRevision } from './history';

const ds: StoredDaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fluentd', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { name: 'fluentd' } },
    template: { metadata: { labels: { name: 'fluentd' } }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'f', image: 'fluentd:v2' }] } },
  },
};

describe('DaemonSet revision data', () => {
  it('is a replace patch of the template with keys sorted as Go marshals a map', () => {
    expect(JSON.stringify(daemonSetTemplatePatch(ds))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"name":"fluentd"}},"spec":{"containers":[{"image":"fluentd:v2","name":"f"}],"terminationGracePeriodSeconds":30}}}}',
    );
  });

  it('matches a revision holding the same template, whatever the key order', () => {
    const data = { spec: { template: { spec: { containers: [{ name: 'f', image: 'fluentd:v2' }], terminationGracePeriodSeconds: 30 }, metadata: { labels: { name: 'fluentd' } }, $patch: 'replace' } } };
    expect(matchesRevision(ds, { revision: 1, data })).toBe(true);
    expect(matchesRevision(ds, { revision: 1, data: { spec: { template: { ...data.spec.template, spec: { containers: [{ name: 'f', image: 'other' }] } } } } })).toBe(false);
  });

  it('orders and measures revisions by number', () => {
    const hs = [{ revision: 3 }, { revision: 1 }, { revision: 2 }];
    expect(byRevision(hs).map((h) => h.revision)).toEqual([1, 2, 3]);
    expect(maxRevision(hs)).toBe(3);
    expect(maxRevision([])).toBe(0);
  });
});
