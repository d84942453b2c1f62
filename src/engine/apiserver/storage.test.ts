import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { ObjectStore } from './storage';

const obj = (kind: string, ns: string | undefined, name: string, extra: Partial<KubeObject['metadata']> = {}, spec?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(ns ? { namespace: ns } : {}), uid: `uid-${kind}-${ns ?? ''}-${name}`, ...extra },
  ...(spec ? { spec } : {}),
});

const names = (list: KubeObject[]) => list.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('ObjectStore', () => {
  it('gets, counts and lists by namespace then name, as etcd key order', () => {
    const s = new ObjectStore();
    for (const [ns, n] of [['b', 'x'], ['a', 'z'], ['a', 'b'], ['b', 'a']] as const) s.put(obj('ConfigMap', ns, n));
    s.put(obj('Node', undefined, 'n1'));
    expect(s.get('ConfigMap', 'a', 'z')?.metadata.name).toBe('z');
    expect(s.get('ConfigMap', 'c', 'z')).toBeUndefined();
    expect(s.get('Node', undefined, 'n1')?.metadata.name).toBe('n1');
    expect(names(s.list('ConfigMap'))).toEqual(['a/b', 'a/z', 'b/a', 'b/x']);
    expect(names(s.list('ConfigMap', 'b'))).toEqual(['b/a', 'b/x']);
    expect(s.list('Secret')).toEqual([]);
    expect(s.count('ConfigMap')).toBe(4);
    expect(s.kinds().sort()).toEqual(['ConfigMap', 'Node']);
  });

  it('replaces on put without double counting, and forgets deleted objects', () => {
    const s = new ObjectStore();
    s.put(obj('ConfigMap', 'a', 'c'));
    s.put({ ...obj('ConfigMap', 'a', 'c'), data: { v: '2' } });
    expect(s.count('ConfigMap')).toBe(1);
    expect(s.get('ConfigMap', 'a', 'c')?.data).toEqual({ v: '2' });
    s.delete('ConfigMap', 'a', 'c');
    s.delete('ConfigMap', 'a', 'never-there');
    expect(s.count('ConfigMap')).toBe(0);
    expect(s.kinds()).toEqual([]);
    expect(s.byUid('uid-ConfigMap-a-c')).toBeUndefined();
  });

  it('indexes dependents by owner uid and follows ownerReference changes', () => {
    const s = new ObjectStore();
    const owner = obj('ReplicaSet', 'a', 'rs');
    s.put(owner);
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner.metadata.uid! };
    s.put(obj('Pod', 'a', 'p1', { ownerReferences: [ref] }));
    s.put(obj('Pod', 'a', 'p2', { ownerReferences: [ref] }));
    expect([...s.dependents(owner.metadata.uid!)].sort()).toEqual(['Pod/a/p1', 'Pod/a/p2']);
    s.put(obj('Pod', 'a', 'p1'));
    expect(s.dependents(owner.metadata.uid!)).toEqual(['Pod/a/p2']);
    s.delete('Pod', 'a', 'p2');
    expect(s.dependents(owner.metadata.uid!)).toEqual([]);
    expect(s.byUid(owner.metadata.uid!)).toBe(owner);
  });

  it('indexes pods by node and follows binding and deletion', () => {
    const s = new ObjectStore();
    s.put(obj('Pod', 'a', 'p', {}, { containers: [] }));
    expect(s.podsOnNode('n1')).toEqual([]);
    s.put(obj('Pod', 'a', 'p', {}, { nodeName: 'n1', containers: [] }));
    s.put(obj('Pod', 'b', 'q', {}, { nodeName: 'n1', containers: [] }));
    expect(names(s.podsOnNode('n1'))).toEqual(['a/p', 'b/q']);
    s.delete('Pod', 'a', 'p');
    expect(names(s.podsOnNode('n1'))).toEqual(['b/q']);
  });
});
