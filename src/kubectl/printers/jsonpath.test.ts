import { describe, expect, it } from 'vitest';
import { renderJsonPath } from './jsonpath';

const pod = (name: string, ip: string, images: string[], ready: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name, namespace: 'default',
    labels: { app: 'web', 'pod-template-hash': '5d65f98bd9' },
    annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z', note: '<b>&</b>' },
  },
  spec: {
    replicas: 3,
    paused: false,
    containers: images.map((image, i) => ({ name: `c${i}`, image, ports: [{ containerPort: 80 + i, protocol: 'TCP' }] })),
  },
  status: {
    podIP: ip,
    conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: ready }],
    startTime: null,
    ratio: 0.5,
    big: 1500000.5,
  },
});

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    pod('web-5d65f98bd9-x2k4p', '10.244.1.5', ['nginx:1.25'], 'True'),
    pod('web-5d65f98bd9-q8zrt', '10.244.2.3', ['nginx:1.25', 'busybox:1.36'], 'False'),
    pod('ngx-dep-6c785d8f5d-kd5z8', '10.244.1.52', ['nginx:1.21-alpine'], 'True'),
  ],
  metadata: { resourceVersion: '' },
};
const one = list.items[0]!;

describe('renderJsonPath', () => {
  it.each([
    ['{.metadata.name}', one, 'web-5d65f98bd9-x2k4p'],
    ['name={.metadata.name} ip={.status.podIP}', one, 'name=web-5d65f98bd9-x2k4p ip=10.244.1.5'],
    ['{.spec.containers[0].image}', one, 'nginx:1.25'],
    ['{.items[*].metadata.name}', list, 'web-5d65f98bd9-x2k4p web-5d65f98bd9-q8zrt ngx-dep-6c785d8f5d-kd5z8'],
    ['{.items[*].spec.containers[*].image}', list, 'nginx:1.25 nginx:1.25 busybox:1.36 nginx:1.21-alpine'],
    ['{.items[-1:].metadata.name}', list, 'ngx-dep-6c785d8f5d-kd5z8'],
    ['{.items[0:2].status.podIP}', list, '10.244.1.5 10.244.2.3'],
    ['{.items[::2].status.podIP}', list, '10.244.1.5 10.244.1.52'],
    ['{.items[0,2].metadata.name}', list, 'web-5d65f98bd9-x2k4p ngx-dep-6c785d8f5d-kd5z8'],
    ["{.metadata['name','namespace']}", one, 'web-5d65f98bd9-x2k4p default'],
    ['{.status.conditions[?(@.type=="Ready")].status}', one, 'True'],
    ['{.items[?(@.status.conditions[1].status=="False")].metadata.name}', list, 'web-5d65f98bd9-q8zrt'],
    ['{.spec.containers[?(@.ports[0].containerPort>80)].name}', list.items[1], 'c1'],
    ['{.spec.containers[?(@.ports)].name}', one, 'c0'],
    ['{.metadata.labels}', one, '{"app":"web","pod-template-hash":"5d65f98bd9"}'],
    ['{.metadata.annotations.note}', one, '<b>&</b>'],
    ['{.metadata.annotations}', one, '{"kubectl.kubernetes.io/restartedAt":"2025-06-01T10:00:00Z","note":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}'],
    ['{.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}', one, '2025-06-01T10:00:00Z'],
    ['{.spec.containers[*].ports}', list.items[1], '[{"containerPort":80,"protocol":"TCP"}] [{"containerPort":81,"protocol":"TCP"}]'],
    ['{.spec.replicas} {.spec.paused} {.status.startTime} {.status.ratio} {.status.big}', one, '3 false null 0.5 1.5000005e+06'],
    ['{.metadata.missing}|{.nope.deeper}|', one, '||'],
    ['{..image}', one, 'nginx:1.25'],
    ['{"a\\tb"}{"\\n"}', one, 'a\tb\n'],
    ['{@.kind}', one, 'Pod'],
  ])('%s', (template, data, expected) => {
    expect(renderJsonPath(template, data)).toBe(expected);
  });

  it('expands ranges, nested ones included', () => {
    expect(renderJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list)).toBe(
      'web-5d65f98bd9-x2k4p\t10.244.1.5\n' +
      'web-5d65f98bd9-q8zrt\t10.244.2.3\n' +
      'ngx-dep-6c785d8f5d-kd5z8\t10.244.1.52\n',
    );
    expect(renderJsonPath('{range .items[*]}{.metadata.name}:{range .spec.containers[*]} {.image}{end}{"\\n"}{end}total', list)).toBe(
      'web-5d65f98bd9-x2k4p: nginx:1.25\n' +
      'web-5d65f98bd9-q8zrt: nginx:1.25 busybox:1.36\n' +
      'ngx-dep-6c785d8f5d-kd5z8: nginx:1.21-alpine\n' +
      'total',
    );
    expect(renderJsonPath('{range .items[*]}{.metadata.name}{"\\n"}{end}none', { items: [] })).toBe('none');
  });

  it('prints the whole object as compact JSON with sorted keys', () => {
    expect(renderJsonPath('{@}', { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' } })).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}');
  });

  it('reports parse errors as kubectl does', () => {
    expect(() => renderJsonPath('{.x', one)).toThrow(new Error('error parsing jsonpath {.x, unclosed action'));
    expect(() => renderJsonPath('{.items[1a]}', list)).toThrow(new Error('error parsing jsonpath {.items[1a]}, invalid array index 1a'));
    expect(() => renderJsonPath('{.items[?(@.x=="a")}', list)).toThrow(new Error('error parsing jsonpath {.items[?(@.x=="a")}, unclosed array expect ]'));
    expect(() => renderJsonPath('{#}', list)).toThrow(new Error("error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'"));
    expect(() => renderJsonPath('{"\\q"}', list)).toThrow(new Error('error parsing jsonpath {"\\q"}, unquote string "\\q" error invalid syntax'));
  });

  it('reports evaluation errors with the template and the object', () => {
    expect(() => renderJsonPath('{.items[5]}', { items: [1, 2] })).toThrow(new Error(
      'error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 2. ' +
      'Printing more information for debugging the template:\n' +
      '\ttemplate was:\n\t\t{.items[5]}\n' +
      '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{1, 2}}\n\n',
    ));
    expect(() => renderJsonPath('{end}', {})).toThrow(/Error executing template: not in range, nothing to end\./);
    expect(() => renderJsonPath('{.items[?(@.port=="80")]}', { items: [{ port: 80 }] })).toThrow(/incompatible types for comparison/);
    expect(() => renderJsonPath('{.metadata.name[0]}', one)).toThrow(/string is not array or slice/);
    expect(() => renderJsonPath('{.missing}', one, { allowMissingKeys: false })).toThrow(/missing is not found/);
  });
});
