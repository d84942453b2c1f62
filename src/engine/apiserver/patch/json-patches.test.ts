import { describe, expect, it } from 'vitest';
import { createJsonMergePatch, jsonMergePatch } from './json-merge-patch';
import { jsonPatch } from './json-patch';

describe('jsonMergePatch (RFC 7386)', () => {
  // The test cases of RFC 7386 appendix A.
  const cases: Array<[unknown, unknown, unknown]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  cases.forEach(([target, patch, want], i) => {
    it(`appendix A case ${i + 1}`, () => expect(jsonMergePatch(target, patch)).toEqual(want));
  });

  it('does not modify its inputs and keeps prototypes clean', () => {
    const target = { metadata: { labels: { app: 'web' } } };
    const patch = JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":true}}}}');
    const out = jsonMergePatch(target, patch) as { metadata: { labels: Record<string, unknown> } };
    expect(target).toEqual({ metadata: { labels: { app: 'web' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out.metadata.labels)).toEqual(['app', '__proto__']);
  });

  it('creates the patch between two documents', () => {
    expect(createJsonMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: 1, b: { c: 4 }, e: [1, 2], f: 'x' })).toEqual({ b: { c: 4, d: null }, e: [1, 2], f: 'x' });
  });
});

describe('jsonPatch (RFC 6902, as the apiserver applies it)', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web', 'a/b': 'x' } }, spec: { containers: [{ name: 'app', image: 'busybox' }] } };

  it('applies each operation', () => {
    const r = jsonPatch(pod, [
      { op: 'replace', path: '/spec/containers/0/image', value: 'alpine:3.6' },
      { op: 'add', path: '/metadata/labels/tier', value: 'fe' },
      { op: 'remove', path: '/metadata/labels/a~1b' },
      { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
      { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' },
      { op: 'add', path: '/spec/containers/-', value: { name: 'side', image: 'x' } },
      { op: 'test', path: '/spec/containers/1/name', value: 'side' },
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { app: 'web', tier: 'fe', moved: 'web' } },
        spec: { containers: [{ name: 'app', image: 'alpine:3.6' }, { name: 'side', image: 'x' }] },
      },
    });
    expect(pod.spec.containers[0]!.image).toBe('busybox');
  });

  it('answers failures with the apiserver’s generic 422 and keeps the library’s reason', () => {
    expect(jsonPatch(pod, [{ op: 'remove', path: '/metadata/labels/nope' }])).toEqual({
      ok: false,
      failure: {
        reason: 'Invalid',
        code: 422,
        message: 'the server rejected our request due to an error in our request',
        detail: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value",
      },
    });
    const detail = (ops: unknown): string | undefined => {
      const r = jsonPatch(pod, ops);
      return r.ok ? undefined : r.failure.detail;
    };
    expect(detail([{ op: 'add', path: '/spec/nope/x', value: 1 }])).toBe('add operation does not apply: doc is missing path: "/spec/nope/x": missing value');
    expect(detail([{ op: 'add', path: '/spec/containers/5', value: 1 }])).toBe("error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced");
    expect(detail([{ op: 'test', path: '/metadata/name', value: 'q' }])).toBe('testing value /metadata/name failed: test failed');
    expect(detail([{ op: 'replace', path: '/spec/containers/3', value: {} }])).toBe('replace operation does not apply: doc is missing key: /spec/containers/3: missing value');
    expect(detail([{ op: 'frobnicate', path: '/x' }])).toBe('Unexpected kind: frobnicate');
  });

  it('follows the library where it is lenient', () => {
    // replace of a missing object member adds it; negative indices count from the end.
    const r = jsonPatch(pod, [
      { op: 'replace', path: '/metadata/labels/new', value: 'v' },
      { op: 'add', path: '/spec/containers/-2', value: { name: 'first' } },
    ]);
    expect(r.ok && (r.value as typeof pod).metadata.labels).toEqual({ app: 'web', 'a/b': 'x', new: 'v' });
    expect(r.ok && (r.value as typeof pod).spec.containers.map((c) => c.name)).toEqual(['first', 'app']);
  });

  it('refuses bodies that are not a list of operations', () => {
    expect(jsonPatch(pod, { op: 'add' })).toEqual({ ok: false, failure: { reason: 'BadRequest', code: 400, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' } });
  });
});
