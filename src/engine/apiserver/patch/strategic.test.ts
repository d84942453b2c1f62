import { describe, expect, it } from 'vitest';
import { goJsonMarshal } from '../../api/decode/go-json';
import { LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, planApply, readLastApplied, strategicMergePatch, threeWayMerge, twoWayMerge, withLastApplied, type JsonMap } from './index';

/** A live Deployment as the apiserver holds it (server-set fields included). */
function liveDeployment(): JsonMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', finalizers: ['a', 'b'], labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
            { name: 'log', image: 'busybox', args: ['tail', '-f'] },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'a', operator: 'Exists' }],
        },
      },
    },
    status: { replicas: 3 },
  };
}

function patched(patch: unknown, target: JsonMap = liveDeployment(), kind = 'Deployment'): JsonMap {
  const r = strategicMergePatch(target, patch, kind);
  if (!r.ok) throw new Error(JSON.stringify(r.failure));
  return r.value as JsonMap;
}

const podSpec = (obj: JsonMap): JsonMap => ((obj.spec as JsonMap).template as JsonMap).spec as JsonMap;
const containers = (obj: JsonMap): JsonMap[] => podSpec(obj).containers as JsonMap[];

describe('strategicMergePatch (apiserver side)', () => {
  it('merges containers by name, env by name and ports by containerPort', () => {
    const out = patched({
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }], ports: [{ containerPort: 8080 }] }] } } },
    });
    expect(containers(out)).toEqual([
      {
        name: 'web',
        image: 'nginx:1.26',
        ports: [{ containerPort: 8080 }, { containerPort: 80 }, { containerPort: 443 }],
        env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }, { name: 'C', value: '4' }],
      },
      { name: 'log', image: 'busybox', args: ['tail', '-f'] },
    ]);
  });

  it('replaces lists without a merge key (tolerations, args) and merges maps', () => {
    const out = patched({ metadata: { labels: { tier: 'fe' } }, spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }], containers: [{ name: 'log', args: ['sleep'] }] } } } });
    expect(podSpec(out).tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
    expect(containers(out)[1]).toEqual({ name: 'log', image: 'busybox', args: ['sleep'] });
    expect((out.metadata as JsonMap).labels).toEqual({ app: 'web', tier: 'fe' });
  });

  it('honours $patch: delete and $patch: replace in merged lists, and null to delete a field', () => {
    expect(containers(patched({ spec: { template: { spec: { containers: [{ name: 'log', $patch: 'delete' }] } } } })).map((c) => c.name)).toEqual(['web']);
    expect(containers(patched({ spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } } } }))).toEqual([{ name: 'only', image: 'x' }]);
    const out = patched({ metadata: { labels: { app: null } }, spec: { replicas: null } });
    expect((out.metadata as JsonMap).labels).toEqual({});
    expect('replicas' in (out.spec as JsonMap)).toBe(false);
  });

  it('applies $deleteFromPrimitiveList, $setElementOrder and $retainKeys', () => {
    expect((patched({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] } }).metadata as JsonMap).finalizers).toEqual(['c', 'b']);
    const reordered = patched({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'log' }, { name: 'web' }] } } } });
    expect(containers(reordered).map((c) => c.name)).toEqual(['log', 'web']);
    const volume = patched({ spec: { template: { spec: { volumes: [{ name: 'data', hostPath: { path: '/tmp' }, $retainKeys: ['hostPath', 'name'] }] } } } });
    expect(podSpec(volume).volumes).toEqual([{ name: 'data', hostPath: { path: '/tmp' } }]);
  });

  it('merges Service ports by port', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    expect(patched({ spec: { ports: [{ port: 80, targetPort: 9090 }] } }, svc, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] },
    });
  });

  it('reports malformed patches as the apiserver does', () => {
    expect(strategicMergePatch(liveDeployment(), { spec: { strategy: { $retainKeys: 'type' } } }, 'Deployment')).toEqual({
      ok: false,
      failure: { reason: 'BadRequest', code: 400, message: 'invalid patch format of retainKeys' },
    });
    expect(strategicMergePatch(liveDeployment(), { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, 'Deployment')).toEqual({
      ok: false,
      failure: { reason: 'Unknown', code: 500, message: 'map: map[image:x] does not contain declared merge key: name' },
    });
  });

  it('does not modify its inputs', () => {
    const live = liveDeployment();
    const before = JSON.stringify(live);
    patched({ spec: { template: { spec: { containers: [{ name: 'log', $patch: 'delete' }] } } } }, live);
    expect(JSON.stringify(live)).toBe(before);
  });
});

describe('two-way and three-way patches (kubectl side)', () => {
  it('two-way: changes, deletions and element order', () => {
    const original = { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } }, metadata: { labels: { app: 'web', tier: 'fe' } } };
    const modified = { spec: { template: { spec: { containers: [{ name: 'a', image: 'z' }] } } }, metadata: { labels: { app: 'web' } } };
    const r = twoWayMerge(original, modified, 'Deployment');
    expect(r.ok && goJsonMarshal(r.patch)).toBe(
      '{"metadata":{"labels":{"tier":null}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"image":"z","name":"a"},{"$patch":"delete","name":"b"}]}}}}',
    );
  });

  it('three-way: switching the strategy to Recreate drops rollingUpdate through $retainKeys', () => {
    const original = { spec: { strategy: { type: 'RollingUpdate' } } };
    const modified = { spec: { strategy: { type: 'Recreate' } } };
    const r = threeWayMerge(original, modified, liveDeployment(), 'Deployment');
    expect(r.ok && r.patch).toEqual({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect((patched(r.ok ? r.patch : {}).spec as JsonMap).strategy).toEqual({ type: 'Recreate' });
  });
});

describe('kubectl apply (client-side) with the last-applied annotation', () => {
  const manifest = (opts: { image?: string; replicas?: number; tier?: boolean } = {}): JsonMap => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web', ...(opts.tier === false ? {} : { tier: 'frontend' }) } },
    spec: {
      ...(opts.replicas !== undefined ? { replicas: opts.replicas } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: opts.image ?? 'nginx:1.25', ports: [{ containerPort: 80 }] }] } },
    },
  });

  /** What the apiserver stores for a created manifest: defaults and status added. */
  function created(obj: JsonMap): JsonMap {
    const live = withLastApplied(obj) as JsonMap & { metadata: JsonMap; spec: JsonMap };
    live.metadata.uid = 'u1';
    live.spec.replicas ??= 1;
    live.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    live.status = { replicas: 1 };
    return live;
  }

  function apply(live: JsonMap, obj: JsonMap): { live: JsonMap; patchText: string; unchanged: boolean } {
    const plan = planApply(live, obj);
    if (!plan.ok) throw new Error(plan.error);
    return { live: patched(plan.plan.patch, live), patchText: plan.plan.patchText, unchanged: plan.plan.unchanged };
  }

  it('stores the object as sent: sorted keys, empty annotations map, trailing newline', () => {
    expect(lastAppliedConfiguration(manifest())).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web","tier":"frontend"},"name":"web","namespace":"default"},' +
        '"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"web","ports":[{"containerPort":80}]}]}}}}\n',
    );
    const annotated = withLastApplied({ ...manifest(), metadata: { name: 'web', annotations: { note: '<x>', [LAST_APPLIED_ANNOTATION]: 'old' } } });
    expect((annotated.metadata as JsonMap).annotations).toEqual({
      note: '<x>',
      [LAST_APPLIED_ANNOTATION]: expect.stringContaining('"annotations":{"note":"\\u003cx\\u003e"}'),
    });
    expect(readLastApplied(annotated)).toEqual({ ...manifest(), metadata: { name: 'web', annotations: { note: '<x>' } } });
  });

  it('an image change keeps replicas set by kubectl scale; setting replicas in the manifest overrides them', () => {
    let live = created(manifest());
    (live.spec as JsonMap).replicas = 5; // kubectl scale deploy web --replicas=5

    const step1 = apply(live, manifest({ image: 'nginx:1.26' }));
    // The patch kubectl sends (as `kubectl apply -v=8` shows it).
    expect(step1.patchText).toBe(
      `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${JSON.stringify(lastAppliedConfiguration(manifest({ image: 'nginx:1.26' })))}}},` +
        '"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.26","name":"web"}]}}}}',
    );
    live = step1.live;
    expect((live.spec as JsonMap).replicas).toBe(5);
    expect(containers(live)[0]!.image).toBe('nginx:1.26');

    live = apply(live, manifest({ image: 'nginx:1.26', replicas: 3 })).live;
    expect((live.spec as JsonMap).replicas).toBe(3);
  });

  it('removing a label from the manifest removes it live; re-applying is unchanged', () => {
    let live = created(manifest());
    const removed = apply(live, manifest({ tier: false }));
    expect(removed.patchText).toContain('"labels":{"tier":null}');
    live = removed.live;
    expect((live.metadata as JsonMap).labels).toEqual({ app: 'web' });
    const again = apply(live, manifest({ tier: false }));
    expect(again).toMatchObject({ unchanged: true, patchText: '{}' });
  });

  it('without a last-applied annotation nothing is deleted and kubectl warns', () => {
    const live = created(manifest());
    delete ((live.metadata as JsonMap).annotations as JsonMap)[LAST_APPLIED_ANNOTATION];
    const plan = planApply(live, manifest({ tier: false }));
    expect(plan.ok && plan.plan.missingAnnotation).toBe(true);
    const out = patched(plan.ok ? plan.plan.patch : {}, live);
    expect((out.metadata as JsonMap).labels).toEqual({ app: 'web', tier: 'frontend' });
  });

  it('removing a container from the manifest deletes it but keeps containers the manifest never had', () => {
    const two = manifest();
    podSpec(two).containers = [
      { name: 'web', image: 'nginx:1.25' },
      { name: 'log', image: 'busybox' },
    ];
    const live = created(two);
    podSpec(live).containers = [...(podSpec(live).containers as JsonMap[]), { name: 'injected', image: 'proxy' }];
    const one = manifest();
    podSpec(one).containers = [{ name: 'web', image: 'nginx:1.25' }];
    expect(containers(apply(live, one).live).map((c) => c.name)).toEqual(['web', 'injected']);
  });
});
