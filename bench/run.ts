/**
 * `npm run bench`: the scale baseline. Builds a 100-node cluster, creates 100 Deployments × 30 replicas and
 * advances virtual time until every pod is Running; prints wall time, pods scheduled per second of wall time and
 * peak heap. Options: --nodes N --deployments N --replicas N --seed N.
 */
import { performance } from 'node:perf_hooks';
import { createCluster, type KubeObject, type NodeConfig } from '../src/engine';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

const nodes = arg('nodes', 100);
const deployments = arg('deployments', 100);
const replicas = arg('replicas', 30);
const seed = arg('seed', 1);

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

const nodeConfigs: NodeConfig[] = [{ role: 'control-plane' }];
for (let i = 0; i < nodes; i++) nodeConfigs.push({ role: 'worker', capacity: { cpu: '32', memory: '128Gi', pods: '110' } });

const t0 = performance.now();
const cluster = createCluster({ seed, config: { kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', nodes: nodeConfigs } });
const tBoot = performance.now();
sampleHeap();

for (let d = 0; d < deployments; d++) {
  const name = `app-${d}`;
  const r = cluster.api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  } as KubeObject);
  if (!r.ok) throw new Error(r.status.message);
}

const total = deployments * replicas;
const tStart = performance.now();
let running = 0;
let scheduledAtMs = 0;
let virtualMs = 0;
for (;;) {
  cluster.advance(1000);
  virtualMs += 1000;
  sampleHeap();
  const pods = cluster.api.list('Pod', 'default');
  const scheduled = pods.filter((p) => (p.spec as { nodeName?: string }).nodeName).length;
  if (scheduled >= total && scheduledAtMs === 0) scheduledAtMs = performance.now() - tStart;
  running = pods.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running').length;
  if (running >= total || virtualMs > 30 * 60_000) break;
}
const wallMs = performance.now() - tStart;

const fmt = (n: number) => n.toFixed(0);
console.log(`cluster: ${nodes} worker nodes + 1 control plane; ${deployments} Deployments × ${replicas} replicas = ${total} pods (seed ${seed})`);
console.log(`bootstrap wall time:        ${fmt(tBoot - t0)} ms`);
console.log(`all pods Running:           ${running === total ? 'yes' : `no (${running}/${total})`} after ${(virtualMs / 1000).toFixed(0)} s virtual`);
console.log(`wall time to all Running:   ${fmt(wallMs)} ms`);
console.log(`wall time to all scheduled: ${fmt(scheduledAtMs)} ms`);
console.log(`pods scheduled per second:  ${fmt(total / (scheduledAtMs / 1000))} (wall)`);
console.log(`peak heap used:             ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
console.log(`tasks run:                  ${cluster.loop.tasksRun}`);
