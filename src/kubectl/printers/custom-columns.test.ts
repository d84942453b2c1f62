import { describe, expect, it } from 'vitest';
import { parseCustomColumnsSpec, relaxedJsonPathExpression, renderCustomColumns } from './custom-columns';
import { obj } from './testing/fixtures';

const pod = (name: string, images: string[], node?: string, labels?: Record<string, string>) =>
  obj('v1', 'Pod', name, 60, {
    spec: { nodeName: node, containers: images.map((image, i) => ({ name: `c${i}`, image, ports: i === 0 ? [{ containerPort: 80 }] : undefined })) },
    status: { phase: 'Running', podIP: '10.244.1.5' },
  }, { namespace: 'default', ...(labels ? { labels } : {}) });

const pods = [
  pod('web-5d65f98bd9-x2k4p', ['nginx:1.25'], 'vm2', { app: 'web', tier: 'front' }),
  pod('web-5d65f98bd9-q8zrt', ['nginx:1.25', 'busybox:1.36']),
];

describe('renderCustomColumns', () => {
  it('prints one column per spec entry, joining several values with commas and <none> for missing ones', () => {
    expect(renderCustomColumns('NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:{.spec.nodeName},PORT:spec.containers[0].ports[0].containerPort', pods)).toBe(
      'NAME                   IMAGE                     NODE     PORT\n' +
      'web-5d65f98bd9-x2k4p   nginx:1.25                vm2      80\n' +
      'web-5d65f98bd9-q8zrt   nginx:1.25,busybox:1.36   <none>   80\n',
    );
  });

  it('prints maps and lists the way Go prints them, not as JSON', () => {
    expect(renderCustomColumns('N:.metadata.name,LABELS:.metadata.labels,PORTS:.spec.containers[0].ports', pods.slice(0, 1))).toBe(
      'N                      LABELS                    PORTS\n' +
      'web-5d65f98bd9-x2k4p   map[app:web tier:front]   [map[containerPort:80]]\n',
    );
  });

  it('keeps short columns 6 wide and honours --no-headers', () => {
    expect(renderCustomColumns('A:.status.phase,B:.status.podIP', pods.slice(0, 1), { noHeaders: true })).toBe('Running   10.244.1.5\n');
    expect(renderCustomColumns('A:.kind,B:.apiVersion', pods.slice(0, 1))).toBe('A     B\nPod   v1\n');
  });

  it('prints only the header when there are no objects', () => {
    expect(renderCustomColumns('NAME:.metadata.name,STATUS:.status.phase', [])).toBe('NAME   STATUS\n');
  });

  it('rejects malformed specs with kubectl messages', () => {
    expect(() => renderCustomColumns('', pods)).toThrow('custom-columns format specified but no custom columns given');
    expect(() => renderCustomColumns('NAME', pods)).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(() => renderCustomColumns('NAME:{.a}{.b}', pods)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
    expect(() => renderCustomColumns('P:.spec.containers[1].image', pods)).toThrow('array index out of bounds: index 1, length 1');
  });

  it('parses relaxed paths', () => {
    expect(relaxedJsonPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{metadata.name}')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
    expect(parseCustomColumnsSpec('NAME:.metadata.name,RS:.metadata.ownerReferences[0].name')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'RS', fieldSpec: '{.metadata.ownerReferences[0].name}' },
    ]);
  });
});
