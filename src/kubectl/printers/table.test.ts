import { describe, expect, it } from 'vitest';
import { columnsFor, labelColumnHeader, noResourcesMessage, printTable } from './table';
import { NOW, obj } from './testing/fixtures';

const running = { running: { startedAt: '2025-06-01T11:00:00Z' } };
const pod = (name: string, ns: string, age: number, labels: Record<string, string>) =>
  obj('v1', 'Pod', name, age, {
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running }] },
  }, { namespace: ns, labels });

const pods = [
  pod('ngx-dep-6c785d8f5d-kd5z8', 'default', 3600, { app: 'ngx-dep', 'pod-template-hash': '6c785d8f5d' }),
  pod('coredns-7db6d8ff4d-8xq2m', 'kube-system', 86400 * 47, { 'k8s-app': 'kube-dns', 'app.kubernetes.io/name': 'coredns' }),
  pod('bare', 'default', 10, {}),
];

describe('printTable decorations', () => {
  it('prints the nginx golden row', () => {
    expect(printTable([obj('v1', 'Pod', 'nginx', 10, {
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running }] },
    })], { nowMs: NOW })).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
      'nginx   1/1     Running   0          10s\n',
    );
  });

  it('adds NAMESPACE first with -A', () => {
    expect(printTable(pods, { nowMs: NOW, withNamespace: true })).toBe(
      'NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE\n' +
      'default       ngx-dep-6c785d8f5d-kd5z8   1/1     Running   0          60m\n' +
      'kube-system   coredns-7db6d8ff4d-8xq2m   1/1     Running   0          47d\n' +
      'default       bare                       1/1     Running   0          10s\n',
    );
  });

  it('adds -L columns (empty when missing) and LABELS last (<none> when empty)', () => {
    expect(printTable(pods, { nowMs: NOW, labelColumns: ['app', 'app.kubernetes.io/name'], showLabels: true })).toBe(
      'NAME                       READY   STATUS    RESTARTS   AGE   APP       NAME      LABELS\n' +
      'ngx-dep-6c785d8f5d-kd5z8   1/1     Running   0          60m   ngx-dep             app=ngx-dep,pod-template-hash=6c785d8f5d\n' +
      'coredns-7db6d8ff4d-8xq2m   1/1     Running   0          47d             coredns   app.kubernetes.io/name=coredns,k8s-app=kube-dns\n' +
      'bare                       1/1     Running   0          10s                       <none>\n',
    );
  });

  it('leaves an empty last -L cell as trailing padding', () => {
    expect(printTable(pods.slice(2), { nowMs: NOW, labelColumns: ['tier'] })).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   TIER\n' +
      'bare   1/1     Running   0          10s   \n',
    );
  });

  it('prefixes names with the qualified kind, as for several types or get all', () => {
    const deploy = obj('apps/v1', 'Deployment', 'ngx-dep', 3600, {
      spec: { replicas: 1, template: { spec: { containers: [] } } }, status: { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    }, { namespace: 'default' });
    const hpa = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'ngx-hpa', 60, {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'ngx-dep' }, minReplicas: 1, maxReplicas: 3, metrics: [] }, status: { currentReplicas: 1 },
    }, { namespace: 'default' });
    const svc = obj('v1', 'Service', 'kubernetes', 86400, { spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } }, { namespace: 'default' });
    expect(printTable(pods.slice(0, 1), { nowMs: NOW, withKind: true })).toBe(
      'NAME                           READY   STATUS    RESTARTS   AGE\n' +
      'pod/ngx-dep-6c785d8f5d-kd5z8   1/1     Running   0          60m\n',
    );
    expect(printTable([deploy], { nowMs: NOW, withKind: true, withNamespace: true })).toBe(
      'NAMESPACE   NAME                      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'default     deployment.apps/ngx-dep   1/1     1            1           60m\n',
    );
    expect(printTable([hpa], { nowMs: NOW, withKind: true })).toBe(
      'NAME                                          REFERENCE            TARGETS   MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'horizontalpodautoscaler.autoscaling/ngx-hpa   Deployment/ngx-dep   <none>    1         3         1          60s\n',
    );
    expect(printTable([svc], { nowMs: NOW, withKind: true, noHeaders: true })).toBe(
      'service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   24h\n',
    );
  });

  it('omits NAMESPACE for cluster-scoped kinds even with -A', () => {
    const ns = obj('v1', 'Namespace', 'default', 86400, { status: { phase: 'Active' } });
    expect(printTable([ns], { nowMs: NOW, withNamespace: true })).toBe('NAME      STATUS   AGE\ndefault   Active   24h\n');
  });

  it('falls back to NAME AGE for kinds without a printer', () => {
    const crd = obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'node-exporter', 86400 * 46, { spec: {} }, { namespace: 'monitoring' });
    expect(printTable([crd], { nowMs: NOW, withNamespace: true })).toBe(
      'NAMESPACE    NAME            AGE\n' +
      'monitoring   node-exporter   46d\n',
    );
  });

  it('cuts a cell at its first line break and neutralizes terminal escapes', () => {
    const cm = obj('v1', 'Event', 'x.1', 5, {
      type: 'Warning', reason: 'BackOff', message: 'first line\nsecond line', involvedObject: { kind: 'Pod', name: 'evil\x1b[31mred' }, count: 1, lastTimestamp: '2025-06-01T11:59:55Z',
    });
    expect(printTable([cm], { nowMs: NOW })).toBe(
      'LAST SEEN   TYPE      REASON    OBJECT              MESSAGE\n' +
      '5s          Warning   BackOff   pod/evil^[[31mred   first line...\n',
    );
  });

  it('prints nothing for no objects; the caller prints the message', () => {
    expect(printTable([], { nowMs: NOW })).toBe('');
    expect(noResourcesMessage('default')).toBe('No resources found in default namespace.');
    expect(noResourcesMessage()).toBe('No resources found');
  });
});

describe('columnsFor', () => {
  it('gives visible headers and cells for --sort-by and the UI', () => {
    const narrow = columnsFor('Pod', false);
    expect(narrow.headers).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(narrow.row(pods[0]!, NOW)).toEqual(['ngx-dep-6c785d8f5d-kd5z8', '1/1', 'Running', '0', '60m']);
    const wide = columnsFor('Service', true);
    expect(wide.headers).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(columnsFor('Widget', true).headers).toEqual(['NAME', 'AGE']);
  });

  it('names -L columns by the last path segment', () => {
    expect(labelColumnHeader('app.kubernetes.io/part-of')).toBe('PART-OF');
    expect(labelColumnHeader('tier')).toBe('TIER');
  });
});
