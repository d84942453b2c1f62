import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

const template = (labels: Record<string, string>, containers: { name: string; image: string }[]) => ({
  metadata: { labels }, spec: { containers },
});

describe('workload tables', () => {
  const deploy = obj('apps/v1', 'Deployment', 'ngx-dep', 20, {
    spec: { replicas: 4, selector: { matchLabels: { app: 'ngx-dep' } }, template: template({ app: 'ngx-dep' }, [{ name: 'nginx', image: 'nginx:1.21-alpine' }]) },
    status: { replicas: 4, readyReplicas: 3, updatedReplicas: 4, availableReplicas: 3 },
  }, { namespace: 'default' });
  const web = obj('apps/v1', 'Deployment', 'web', 86400 * 3, {
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] },
      template: template({ app: 'web', tier: 'front' }, [{ name: 'web', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox:1.36' }]),
    },
    status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
  }, { namespace: 'default' });

  it('prints Deployments', () => {
    expect(printTable([deploy, web], { nowMs: NOW })).toBe(
      'NAME      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'ngx-dep   3/4     4            3           20s\n' +
      'web       2/2     2            2           3d\n',
    );
    expect(printTable([deploy, web], { nowMs: NOW, wide: true })).toBe(
      'NAME      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS    IMAGES                    SELECTOR\n' +
      'ngx-dep   3/4     4            3           20s   nginx         nginx:1.21-alpine         app=ngx-dep\n' +
      'web       2/2     2            2           3d    web,sidecar   nginx:1.25,busybox:1.36   app=web,tier in (edge,front)\n',
    );
  });

  it('prints ReplicaSets, with <none> for an empty wide selector', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'ngx-dep-6c785d8f5d', 750, {
      spec: { replicas: 4, selector: { matchLabels: { app: 'ngx-dep', 'pod-template-hash': '6c785d8f5d' } }, template: template({}, [{ name: 'nginx', image: 'nginx:1.21-alpine' }]) },
      status: { replicas: 4, readyReplicas: 4 },
    });
    const old = obj('apps/v1', 'ReplicaSet', 'ngx-dep-5f6fdd6f65', 900, {
      spec: { replicas: 0, template: template({}, [{ name: 'nginx', image: 'nginx:1.22-alpine' }]) },
      status: { replicas: 0 },
    });
    expect(printTable([rs, old], { nowMs: NOW })).toBe(
      'NAME                 DESIRED   CURRENT   READY   AGE\n' +
      'ngx-dep-6c785d8f5d   4         4         4       12m\n' +
      'ngx-dep-5f6fdd6f65   0         0         0       15m\n',
    );
    expect(printTable([rs, old], { nowMs: NOW, wide: true, noHeaders: true })).toBe(
      'ngx-dep-6c785d8f5d   4     4     4     12m   nginx   nginx:1.21-alpine   app=ngx-dep,pod-template-hash=6c785d8f5d\n' +
      'ngx-dep-5f6fdd6f65   0     0     0     15m   nginx   nginx:1.22-alpine   <none>\n',
    );
  });

  it('prints StatefulSets', () => {
    const sts = obj('apps/v1', 'StatefulSet', 'redis-sts', 6, {
      spec: { replicas: 2, serviceName: 'redis-svc', template: template({ app: 'redis-sts' }, [{ name: 'redis', image: 'redis:alpine' }]) },
      status: { replicas: 1, readyReplicas: 0 },
    });
    expect(printTable([sts], { nowMs: NOW, wide: true })).toBe(
      'NAME        READY   AGE   CONTAINERS   IMAGES\n' +
      'redis-sts   0/2     6s    redis        redis:alpine\n',
    );
  });

  it('prints DaemonSets with their node selector', () => {
    const proxy = obj('apps/v1', 'DaemonSet', 'kube-proxy', 86400 * 47, {
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: { metadata: {}, spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 },
    }, { namespace: 'kube-system' });
    const flannel = obj('apps/v1', 'DaemonSet', 'kube-flannel-ds', 86400 * 47, {
      spec: { selector: { matchLabels: { app: 'flannel' } }, template: template({}, [{ name: 'kube-flannel', image: 'flannel/flannel:v0.25.1' }]) },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    }, { namespace: 'kube-flannel' });
    expect(printTable([proxy, flannel], { nowMs: NOW, withNamespace: true })).toBe(
      'NAMESPACE      NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
      'kube-system    kube-proxy        3         3         3       3            3           kubernetes.io/os=linux   47d\n' +
      'kube-flannel   kube-flannel-ds   3         3         2       3            2           <none>                   47d\n',
    );
  });

  it('prints ReplicationControllers', () => {
    const rc = obj('v1', 'ReplicationController', 'nginx', 45, {
      spec: { replicas: 3, selector: { app: 'nginx' }, template: template({ app: 'nginx' }, [{ name: 'nginx', image: 'nginx' }]) },
      status: { replicas: 3, readyReplicas: 1 },
    });
    expect(printTable([rc], { nowMs: NOW, wide: true })).toBe(
      'NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR\n' +
      'nginx   3         3         1       45s   nginx        nginx    app=nginx\n',
    );
  });

  it('prints ControllerRevisions with the owning controller', () => {
    const cr = obj('apps/v1', 'ControllerRevision', 'redis-sts-7d9b8c6f5', 600, { revision: 1, data: {} }, {
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'redis-sts', uid: 'u1', controller: true }],
    });
    const orphan = obj('apps/v1', 'ControllerRevision', 'fluentd-5c4f9d8b7', 60, { revision: 3 });
    expect(printTable([cr, orphan], { nowMs: NOW })).toBe(
      'NAME                  CONTROLLER                   REVISION   AGE\n' +
      'redis-sts-7d9b8c6f5   statefulset.apps/redis-sts   1          10m\n' +
      'fluentd-5c4f9d8b7     <none>                       3          60s\n',
    );
  });

  it('prints PodTemplates without an AGE column', () => {
    const pt = obj('v1', 'PodTemplate', 'batch-template', 60, { template: template({ job: 'batch' }, [{ name: 'worker', image: 'busybox:1.36' }]) });
    expect(printTable([pt], { nowMs: NOW })).toBe(
      'NAME             CONTAINERS   IMAGES         POD LABELS\n' +
      'batch-template   worker       busybox:1.36   job=batch\n',
    );
  });
});
