import { it } from 'vitest';
import { createCluster, type KubeObject } from '../../../../engine';
import { Kubectl } from '../../../../kubectl';
import { objectId } from '../../../../protocol/messages';
import { GraphIndexer } from './graph-index';
import { layoutCluster } from './layout-cluster';
import type { SlotState } from './slots';

it('bench', () => {
  const w = { role: 'worker' as const };
  const cluster = createCluster({ seed: 1, config: { kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', nodes: [{ role: 'control-plane' }, w, w, w, w] } });
  const k = new Kubectl(cluster);
  k.run('kubectl create deployment big --image=nginx:1.27 --replicas=300');
  cluster.advance(60_000);
  k.run('kubectl set image deployment/big nginx=nginx:1.28');
  const objects: Record<string, KubeObject> = {};
  for (const kind of cluster.api.store.kinds()) for (const o of cluster.api.list(kind)) objects[objectId(o)] = o;
  let cur = { ...objects };
  cluster.api.watch('*', (ev) => { const id = objectId(ev.object); if (ev.type === 'DELETED') delete cur[id]; else cur[id] = ev.object; });
  let tIx = 0, tLayout = 0, frames = 0; let prev: SlotState | undefined; const indexer = new GraphIndexer();
  for (let i = 0; i < 150; i++) {
    cluster.advance(333);
    cur = { ...cur };
    const t0 = performance.now();
    const ix = indexer.update(cur);
    const t1 = performance.now();
    const l = layoutCluster(ix, { namespace: 'default', collapse: {}, prevSlots: prev });
    prev = l.slots;
    const t2 = performance.now();
    if (i > 0) { tIx += t1 - t0; tLayout += t2 - t1; frames++; }
    if (i === 100) { const t3 = performance.now(); for (let j = 0; j < 50; j++) layoutCluster(ix, { namespace: 'default', collapse: {}, prevSlots: prev }); console.log('pure layout ms', ((performance.now() - t3) / 50).toFixed(2)); }
  }
  console.log('objects', Object.keys(cur).length, 'index ms/frame', (tIx / frames).toFixed(2), 'layout ms/frame', (tLayout / frames).toFixed(2));
}, 120_000);
