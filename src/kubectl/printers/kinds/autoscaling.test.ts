import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

const cpu = (target: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } });
const cpuNow = (current: number) => ({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current, averageValue: '86m' } } });

describe('HorizontalPodAutoscaler table', () => {
  it('prints TARGETS for resource, pods, object and external metrics', () => {
    const ngx = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'ngx-hpa', 28 * 60, {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ngx-hpa-dep' }, minReplicas: 2, maxReplicas: 10, metrics: [cpu(5)] },
      status: { currentReplicas: 4, desiredReplicas: 8, currentMetrics: [cpuNow(68)] },
    });
    const fresh = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'fresh', 5, {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, metrics: [cpu(50)] },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
    const many = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'many', 3600, {
      spec: {
        scaleTargetRef: { kind: 'StatefulSet', name: 'queue' }, minReplicas: 1, maxReplicas: 20,
        metrics: [
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } } },
          { type: 'Object', object: { metric: { name: 'requests-per-second' }, describedObject: { kind: 'Ingress', name: 'main' }, target: { type: 'Value', value: '10k' } } },
          { type: 'External', external: { metric: { name: 'queue_messages' }, target: { type: 'AverageValue', averageValue: '30' } } },
        ],
      },
      status: {
        currentReplicas: 3,
        currentMetrics: [
          { type: 'Resource', resource: { name: 'memory', current: { averageValue: '312Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, current: { averageValue: '866m' } } },
        ],
      },
    });
    const two = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'two', 60, {
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'api' }, minReplicas: 1, maxReplicas: 4,
        metrics: [cpu(70), { type: 'External', external: { metric: { name: 'lag' }, target: { type: 'Value', value: '100' } } }],
      },
      status: { currentReplicas: 1, currentMetrics: [cpuNow(12), { type: 'External', external: { metric: { name: 'lag' }, current: { value: '7' } } }] },
    });
    expect(printTable([ngx, fresh, many, two], { nowMs: NOW })).toBe(
      'NAME      REFERENCE                TARGETS                                    MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'ngx-hpa   Deployment/ngx-hpa-dep   cpu: 68%/5%                                2         10        4          28m\n' +
      'fresh     Deployment/web           cpu: <unknown>/50%                         <unset>   5         0          5s\n' +
      'many      StatefulSet/queue        memory: 312Mi/500Mi, 866m/1k + 2 more...   1         20        3          60m\n' +
      'two       Deployment/api           cpu: 12%/70%, 7/100                        1         4         1          60s\n',
    );
  });
});
