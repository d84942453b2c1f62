import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { printTemplate, viewHistory, type RevisionEntry } from './history';

const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' } };
const entry = (revision: number, changeCause = '', image = 'nginx:1.14'): RevisionEntry => ({
  revision,
  changeCause,
  object: rs,
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
});

describe('viewHistory', () => {
  it('prints REVISION / CHANGE-CAUSE sorted by revision, <none> without a cause', () => {
    const view = viewHistory([entry(3, 'kubectl set image deployment/web nginx=nginx:1.91 --record=true'), entry(1), entry(2)], 0);
    expect(view).toEqual({
      ok: true,
      text: 'REVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         kubectl set image deployment/web nginx=nginx:1.91 --record=true\n',
    });
  });

  it('widens the first column for long revision numbers', () => {
    expect(viewHistory([entry(12345678901)], 0)).toEqual({ ok: true, text: 'REVISION     CHANGE-CAUSE\n12345678901  <none>\n' });
  });

  it('shows one revision as its pod template, or says it is missing', () => {
    expect(viewHistory([entry(1), entry(2, '', 'nginx:1.15')], 2)).toEqual({
      ok: true,
      text: 'Pod Template:\n  Labels:\tapp=web\n  Containers:\n   nginx:\n    Image:\tnginx:1.15\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    });
    expect(viewHistory([entry(1)], 4)).toEqual({ ok: false, error: 'unable to find the specified revision' });
  });

  it('says when there is no history', () => {
    expect(viewHistory([], 0)).toEqual({ ok: true, text: 'No rollout history found.' });
  });
});

describe('printTemplate', () => {
  it('keeps the describer tabs and lists multi-line labels and annotations', () => {
    const text = printTemplate({ metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' }, annotations: { 'kubernetes.io/change-cause': 'why' } }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(text.split('\n').slice(0, 4)).toEqual(['Pod Template:', '  Labels:\tapp=web', '\tpod-template-hash=abc', '  Annotations:\tkubernetes.io/change-cause: why']);
  });
});
