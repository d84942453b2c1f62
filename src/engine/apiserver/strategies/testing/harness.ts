/**
 * Test harness for strategies and admission: a real ApiServer with every strategy, the default admission chain,
 * seeded allocators and the usual namespaces and `default` ServiceAccounts.
 */
import type { KubeObject } from '../../../api/types';
import { Clock } from '../../../sim/clock';
import { createRng } from '../../../sim/rng';
import { ApiServer } from '../../apiserver';
import { ServiceAllocators } from '../../allocators';
import { registerDefaultAdmission } from '../../admission';
import type { Result } from '../../status';
import { registerAllStrategies } from '..';

/** 2026-01-01T00:00:00Z, the virtual start time of every test cluster. */
export const T0 = Date.UTC(2026, 0, 1);

/** What a test gets: the apiserver, its clock and allocators. */
export interface TestApi {
  api: ApiServer;
  clock: Clock;
  allocators: ServiceAllocators;
}

/** Builds a test apiserver; `admission: false` leaves the admission chain out. */
export function makeApi(opts: { admission?: boolean; namespaces?: string[] } = {}): TestApi {
  registerAllStrategies();
  const clock = new Clock(T0);
  const allocators = new ServiceAllocators(createRng(7));
  const api = new ApiServer(clock, createRng(1), allocators);
  if (opts.admission !== false) registerDefaultAdmission(api);
  for (const name of opts.namespaces ?? ['default', 'kube-system', 'dev']) {
    must(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    must(api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }));
  }
  return { api, clock, allocators };
}

/** The value of a successful result; throws with the status message otherwise. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`unexpected failure: ${r.status.message}`);
  return r.value;
}

/** The status message of a failed result; throws if it succeeded. */
export function failure(r: Result<unknown>): string {
  if (r.ok) throw new Error('expected a failure, but the call succeeded');
  return r.status.message;
}

/** The reason and message of a failed result. */
export function failureStatus(r: Result<unknown>): { reason: string; code: number; message: string } {
  if (r.ok) throw new Error('expected a failure, but the call succeeded');
  return { reason: r.status.reason, code: r.status.code, message: r.status.message };
}

/** A minimal valid pod. */
export function pod(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
  };
}

/** A minimal valid Deployment with `app: <name>` labels. */
export function deployment(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...spec,
    },
  };
}
