import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  accessModesKey, bindVolumeToClaim, checkAccessModes, claimClass, claimHasClass, findBestMatchForClaim,
  findMatchingVolume, isVolumeBoundToClaim, type StoredPV, type StoredPVC,
} from './storage';

type Mode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
const RWO: Mode = 'ReadWriteOnce';
const ROX: Mode = 'ReadOnlyMany';
const RWX: Mode = 'ReadWriteMany';

interface VolOpts {
  modes?: Mode[];
  cls?: string;
  labels?: Record<string, string>;
  phase?: string;
  claimRef?: { name: string; namespace: string; uid?: string };
  mode?: 'Filesystem' | 'Block';
  deleting?: boolean;
  hostname?: string;
}

function vol(name: string, size: string, o: VolOpts = {}): StoredPV {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, uid: `uid-${name}`, ...(o.labels ? { labels: o.labels } : {}), ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: {
      capacity: { storage: size },
      accessModes: o.modes ?? [RWO, ROX],
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.claimRef ? { claimRef: o.claimRef } : {}),
      volumeMode: o.mode ?? 'Filesystem',
      hostPath: { path: `/data/${name}` },
      ...(o.hostname ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [o.hostname] }] }] } } } : {}),
    },
    status: { phase: o.phase ?? 'Available' },
  };
}

interface ClaimOpts {
  modes?: Mode[];
  cls?: string | null;
  selector?: PersistentVolumeClaim['spec'] extends infer S ? S extends { selector?: infer L } ? L : never : never;
  mode?: 'Filesystem' | 'Block';
}

function claim(name: string, size: string, o: ClaimOpts = {}): StoredPVC {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      accessModes: o.modes ?? [RWO],
      resources: { requests: { storage: size } },
      ...(o.cls !== undefined && o.cls !== null ? { storageClassName: o.cls } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      volumeMode: o.mode ?? 'Filesystem',
    },
    status: { phase: 'Pending' },
  };
}

// A pool in the spirit of pv_controller's index_test: GCE-like disks (RWO+ROX), NFS shares (RWO+ROX+RWX),
// labelled and classed volumes, one already bound.
const POOL: StoredPV[] = [
  vol('gce-pd-1', '1G', { claimRef: { name: 'someone', namespace: 'default', uid: 'x' }, phase: 'Bound' }),
  vol('gce-pd-5', '5G'),
  vol('gce-pd-10', '10G'),
  vol('gce-pd-20', '20G'),
  vol('gce-pd-500', '500G'),
  vol('gce-pd-2', '2G', { labels: { 'should-exist': 'true' } }),
  vol('nfs-1', '1G', { modes: [RWO, ROX, RWX] }),
  vol('nfs-5', '5G', { modes: [RWO, ROX, RWX] }),
  vol('nfs-10', '10G', { modes: [RWO, ROX, RWX] }),
  vol('gce-pd-silver1', '1G', { cls: 'silver' }),
  vol('gce-pd-silver2', '10G', { cls: 'silver', labels: { 'should-exist': 'true' } }),
  vol('gce-pd-gold', '50G', { cls: 'gold' }),
];

const best = (c: StoredPVC) => findBestMatchForClaim(c, POOL, false)?.metadata?.name;

describe('findBestMatchForClaim (controller path)', () => {
  it.each([
    ['smallest volume that is big enough', claim('c', '8G', { modes: [ROX, RWO] }), 'gce-pd-10'],
    ['fewest access modes first: RWX claims go to NFS', claim('c', '3G', { modes: [ROX, RWO, RWX] }), 'nfs-5'],
    ['a bound volume is skipped; the RWO+ROX group still wins over a smaller NFS share', claim('c', '1G', { modes: [ROX, RWO] }), 'gce-pd-2'],
    ['capacity equal to the request fits', claim('c', '5G', { modes: [RWO] }), 'gce-pd-5'],
    ['binary and decimal units compare by value (4Gi > 4G)', claim('c', '4Gi'), 'gce-pd-5'],
    ['a selector narrows the candidates', claim('c', '1G', { selector: { matchLabels: { 'should-exist': 'true' } } }), 'gce-pd-2'],
    ['a class only matches volumes of that class', claim('c', '1G', { cls: 'silver' }), 'gce-pd-silver1'],
    ['class and selector together', claim('c', '1G', { cls: 'silver', selector: { matchLabels: { 'should-exist': 'true' } } }), 'gce-pd-silver2'],
    ['storageClassName "" means volumes without class', claim('c', '30G', { cls: '' }), 'gce-pd-500'],
  ])('%s', (_name, c, want) => {
    expect(best(c)).toBe(want);
  });

  it.each([
    ['nothing is big enough', claim('c', '999G')],
    ['the selector matches nothing big enough', claim('c', '20G', { selector: { matchLabels: { 'should-exist': 'true' } } })],
    ['no volume of the class', claim('c', '1G', { cls: 'bronze' })],
    ['the class exists but is too small', claim('c', '60G', { cls: 'gold' })],
    ['a Block claim does not take a Filesystem volume', claim('c', '1G', { mode: 'Block' })],
    ['ReadWriteOncePod is offered by no volume', claim('c', '1G', { modes: ['ReadWriteOncePod'] })],
  ])('no match: %s', (_name, c) => {
    expect(best(c)).toBeUndefined();
  });

  it('skips volumes that are not Available or are being deleted', () => {
    const pool = [vol('a', '1G', { phase: 'Pending' }), vol('b', '2G', { phase: 'Released' }), vol('c', '3G', { deleting: true }), vol('d', '4G')];
    expect(findBestMatchForClaim(claim('x', '1G'), pool, false)?.metadata?.name).toBe('d');
  });

  it('returns the volume pre-bound to the claim even when a smaller one fits', () => {
    const c = claim('mine', '1G');
    const pool = [vol('small', '1G'), vol('reserved', '10G', { claimRef: { name: 'mine', namespace: 'default' }, phase: 'Available' })];
    expect(findBestMatchForClaim(c, pool, false)?.metadata?.name).toBe('reserved');
  });

  it('leaves unbound WaitForFirstConsumer claims to the scheduler but still finds pre-bound volumes', () => {
    const c = claim('mine', '1G', { cls: 'local' });
    expect(findBestMatchForClaim(c, [vol('free', '1G', { cls: 'local' })], true)).toBeUndefined();
    const reserved = vol('reserved', '1G', { cls: 'local', claimRef: { name: 'mine', namespace: 'default', uid: 'uid-mine' }, phase: 'Bound' });
    expect(findBestMatchForClaim(c, [reserved], true)?.metadata?.name).toBe('reserved');
  });

  it('ignores a volume pre-bound to the claim when it is too small', () => {
    const c = claim('mine', '5G');
    const pool = [vol('reserved', '1G', { claimRef: { name: 'mine', namespace: 'default' } }), vol('big', '10G')];
    expect(findBestMatchForClaim(c, pool, false)?.metadata?.name).toBe('big');
  });
});

describe('findMatchingVolume (scheduler path)', () => {
  const onNode = (node: string) => (v: PersistentVolume) => {
    const terms = v.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    return !terms || terms.some((t) => (t.matchExpressions ?? []).every((e) => e.values?.includes(node)));
  };
  const local = [vol('local-a', '10G', { cls: 'local', hostname: 'node-a' }), vol('local-b', '5G', { cls: 'local', hostname: 'node-b' })];

  it('checks node affinity and access modes', () => {
    const c = claim('c', '1G', { cls: 'local' });
    expect(findMatchingVolume(c, local, { nodeMatches: onNode('node-a'), delayBinding: true })?.metadata?.name).toBe('local-a');
    expect(findMatchingVolume(c, local, { nodeMatches: onNode('node-b'), delayBinding: true })?.metadata?.name).toBe('local-b');
    expect(findMatchingVolume(c, local, { nodeMatches: onNode('node-c'), delayBinding: true })).toBeUndefined();
    expect(findMatchingVolume(claim('c', '1G', { cls: 'local', modes: [RWX] }), local, { nodeMatches: onNode('node-a'), delayBinding: true })).toBeUndefined();
  });

  it('skips volumes chosen for the pod\'s other claims', () => {
    const c = claim('c', '1G', { cls: 'local' });
    const all = [...local, vol('local-a2', '20G', { cls: 'local', hostname: 'node-a' })];
    expect(findMatchingVolume(c, all, { nodeMatches: onNode('node-a'), excluded: new Set(['local-a']), delayBinding: true })?.metadata?.name).toBe('local-a2');
  });

  it('a volume pre-bound to the claim on another node means no match at all', () => {
    const c = claim('mine', '1G', { cls: 'local' });
    const pool = [vol('reserved', '1G', { cls: 'local', hostname: 'node-b', claimRef: { name: 'mine', namespace: 'default' } }), vol('free', '1G', { cls: 'local', hostname: 'node-a' })];
    expect(findMatchingVolume(c, pool, { nodeMatches: onNode('node-a'), delayBinding: true })).toBeUndefined();
  });
});

describe('claim and volume helpers', () => {
  it('reads the class from the beta annotation first', () => {
    const c = claim('c', '1G', { cls: 'fast' });
    expect(claimClass(c)).toBe('fast');
    expect(claimClass({ ...c, metadata: { ...c.metadata, annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } } })).toBe('slow');
    expect(claimHasClass(claim('c', '1G'))).toBe(false);
    expect(claimHasClass(claim('c', '1G', { cls: '' }))).toBe(true);
  });

  it('prints access modes in kubectl order', () => {
    expect(accessModesKey([RWX, RWO, ROX])).toBe('RWO,ROX,RWX');
    expect(accessModesKey(['ReadWriteOncePod'])).toBe('RWOP');
  });

  it('checks access modes as a subset', () => {
    expect(checkAccessModes(claim('c', '1G', { modes: [RWO] }), vol('v', '1G', { modes: [RWO, ROX] }))).toBe(true);
    expect(checkAccessModes(claim('c', '1G', { modes: [RWO, RWX] }), vol('v', '1G', { modes: [RWO, ROX] }))).toBe(false);
  });

  it('treats a claimRef without uid as a pre-binding of that claim', () => {
    const c = claim('mine', '1G');
    expect(isVolumeBoundToClaim(vol('v', '1G', { claimRef: { name: 'mine', namespace: 'default' } }), c)).toBe(true);
    expect(isVolumeBoundToClaim(vol('v', '1G', { claimRef: { name: 'mine', namespace: 'default', uid: 'other' } }), c)).toBe(false);
    expect(isVolumeBoundToClaim(vol('v', '1G', { claimRef: { name: 'mine', namespace: 'other' } }), c)).toBe(false);
  });

  it('binds a volume: claimRef with uid and resourceVersion, bound-by-controller unless the user pre-bound it', () => {
    const c: StoredPVC = { ...claim('mine', '1G'), metadata: { ...claim('mine', '1G').metadata, resourceVersion: '42' } };
    const free = bindVolumeToClaim(vol('v', '1G'), c);
    expect(free.dirty).toBe(true);
    expect(free.volume.spec?.claimRef).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'mine', uid: 'uid-mine', apiVersion: 'v1', resourceVersion: '42' });
    expect(free.volume.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const prebound = bindVolumeToClaim(vol('v', '1G', { claimRef: { name: 'mine', namespace: 'default' } }), c);
    expect(prebound.dirty).toBe(true);
    expect(prebound.volume.metadata.annotations).toBeUndefined();
    expect(bindVolumeToClaim(prebound.volume, c).dirty).toBe(false);
  });
});
