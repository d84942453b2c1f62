import { test } from 'vitest';
import * as fs from 'fs';
import { describe as describeObj } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
import { extraObjects } from './testing/fixtures-extra';
const RES: Record<string, string> = { Pod: 'pod', Deployment: 'deployment', ReplicaSet: 'replicaset', Service: 'service', Node: 'node', Namespace: 'namespace', ConfigMap: 'configmap', Secret: 'secret', Job: 'job', Lease: 'lease', ResourceQuota: 'resourcequota', LimitRange: 'limitrange', EndpointSlice: 'endpointslice', Event: 'event', StatefulSet: 'statefulset', DaemonSet: 'daemonset', CronJob: 'cronjob', PersistentVolume: 'pv', PersistentVolumeClaim: 'pvc', StorageClass: 'storageclass', ServiceAccount: 'serviceaccount', Endpoints: 'endpoints', HorizontalPodAutoscaler: 'hpa', ControllerRevision: 'controllerrevision' };
test('dump', () => {
  if (process.env.ORACLE !== 'dump') return;
  const objs = [...f.allObjects(), ...extraObjects()];
  fs.writeFileSync('/tmp/vt/fixtures.json', JSON.stringify(objs));
  fs.writeFileSync('/tmp/vt/now.txt', String(f.NOW_MS));
  const targets = objs.filter((o) => o.kind !== 'Event' || o.metadata.name.endsWith('0001')).map((o) => ({ kind: o.kind, resource: RES[o.kind], namespace: o.metadata.namespace, name: o.metadata.name }));
  fs.writeFileSync('/tmp/vt/targets.json', JSON.stringify(targets));
});
test('compare', () => {
  if (process.env.ORACLE !== 'compare') return;
  const { results } = JSON.parse(fs.readFileSync('/tmp/oracle/results.json', 'utf8'));
  const shifted = JSON.parse(fs.readFileSync('/tmp/vt/shifted.json', 'utf8'));
  let report = '';
  for (const r of results) {
    const ctx = fakeContext(shifted, r.start);
    const obj = shifted.find((o: any) => o.kind === r.kind && o.metadata.name === r.name && o.metadata.namespace === r.namespace);
    const mine = describeObj(obj, ctx);
    const theirs = fs.readFileSync(r.file, 'utf8');
    fs.writeFileSync(r.file.replace('.txt', '.mine'), mine);
    report += `${mine === theirs ? 'SAME' : 'DIFF'} ${r.kind} ${r.namespace ?? ''}/${r.name} ${Math.floor(r.start / 1000) === Math.floor(r.end / 1000) ? '' : '(second boundary crossed)'}\n`;
  }
  fs.writeFileSync('/tmp/oracle/report.txt', report);
});
