/**
 * Test harness for the workload controllers: a real ApiServer, Clock and RunLoop with the `default` namespace,
 * and a stand-in kubelet that binds new pods to a node and marks them Running (Ready after a delay, or never),
 * and finishes graceful deletions.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { controllerRef, toTimestamp } from '../../../api/meta';
import { ApiServer } from '../../../apiserver/apiserver';
import { EventRecorder } from '../../../apiserver/events';
import type { Allocators } from '../../../apiserver/strategy';
import type { ComponentContext } from '../../../cluster/context';
import { Clock } from '../../../sim/clock';
import { RunLoop } from '../../../sim/loop';
import { createRng } from '../../../sim/rng';

/** 2025-01-01T00:00:00Z: the harness's epoch. */
export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

const NO_ALLOCATORS: Allocators = {
  allocateClusterIP: () => undefined,
  claimClusterIP: () => false,
  releaseClusterIP: () => undefined,
  allocateNodePort: () => undefined,
  claimNodePort: () => false,
  releaseNodePort: () => undefined,
};

/** How the stand-in kubelet treats a new pod. */
export interface PodBehaviour {
  /** Ms after creation at which the pod is bound and Running. */
  startMs: number;
  /** Ms after Running at which it turns Ready; undefined = never Ready. */
  readyMs: number | undefined;
}

/** A small cluster for controller tests. */
export class Harness {
  readonly clock = new Clock(T0);
  readonly loop = new RunLoop(this.clock);
  readonly rng = createRng(7);
  readonly api: ApiServer;
  readonly ctx: ComponentContext;
  /** Decides each new pod's lifecycle; tests swap it to stall rollouts. */
  behaviour: (pod: KubeObject) => PodBehaviour = () => ({ startMs: 200, readyMs: 800 });
  /** Ms between a graceful delete and the kubelet confirming it. */
  terminationMs = 300;
  /** Every Event as `reason: message`, in the order they were first recorded. */
  private readonly eventLog: { component: string; line: string }[] = [];

  constructor() {
    this.api = new ApiServer(this.clock, this.rng.fork('apiserver'), NO_ALLOCATORS, true);
    this.ctx = { api: this.api, clock: this.clock, rng: this.rng, events: new EventRecorder(this.api) };
    const ns = this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    if (!ns.ok) throw new Error(ns.status.message);
    this.api.watch('Event', (ev) => {
      if (ev.type !== 'ADDED') return;
      const e = ev.object;
      this.eventLog.push({ component: (e.source as { component: string }).component, line: `${e.reason as string}: ${e.message as string}` });
    });
    this.api.watch('Pod', (ev) => {
      if (ev.type === 'ADDED') this.startPod(ev.object);
      if (ev.type === 'MODIFIED' && ev.object.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) this.finishDeletion(ev.object);
    });
  }

  private startPod(pod: KubeObject): void {
    const b = this.behaviour(pod);
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name;
    const uid = pod.metadata.uid;
    this.clock.schedule(b.startMs, `kubelet start ${name}`, () => {
      const cur = this.api.get('Pod', ns, name);
      if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return;
      this.api.mutate('Pod', ns, name, (draft) => {
        (draft.spec as { nodeName?: string }).nodeName = 'node-1';
      });
      this.setStatus(ns, name, false);
      if (b.readyMs !== undefined) {
        this.clock.schedule(b.readyMs, `kubelet ready ${name}`, () => {
          const again = this.api.get('Pod', ns, name);
          if (!again || again.metadata.uid !== uid || again.metadata.deletionTimestamp) return;
          this.setStatus(ns, name, true);
        });
      }
    });
  }

  private setStatus(ns: string | undefined, name: string, ready: boolean): void {
    const now = toTimestamp(this.clock.nowMs);
    this.api.mutate('Pod', ns, name, (draft) => {
      const containers = ((draft.spec as Pod['spec'])?.containers ?? []).map((c) => ({
        name: c.name,
        image: c.image,
        ready,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
      }));
      draft.status = {
        phase: 'Running',
        conditions: [
          { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        ],
        containerStatuses: containers,
      };
    }, 'status');
  }

  private finishDeletion(pod: KubeObject): void {
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name;
    const uid = pod.metadata.uid;
    this.clock.schedule(this.terminationMs, `kubelet kill ${name}`, () => {
      const cur = this.api.get('Pod', ns, name);
      if (cur && cur.metadata.uid === uid) this.api.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
    });
  }

  /** Creates an object or fails the test. */
  create<T extends KubeObject = KubeObject>(obj: KubeObject): T {
    const r = this.api.create<T>(obj);
    if (!r.ok) throw new Error(r.status.message);
    return r.value;
  }

  /** Read-modify-write of an object's main resource, or fails the test. */
  update(kind: string, name: string, change: (draft: KubeObject) => void): void {
    const r = this.api.mutate(kind, 'default', name, change);
    if (!r.ok) throw new Error(r.status.message);
  }

  /** Advances virtual time by `ms`. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  /** Pods in `default`, optionally only those controlled by the named ReplicaSet; terminating ones excluded. */
  pods(rsName?: string): KubeObject[] {
    return this.api
      .list('Pod', 'default')
      .filter((p) => !p.metadata.deletionTimestamp && (rsName === undefined || controllerRef(p)?.name === rsName));
  }

  /** Events as `reason: message` lines in the order they were first recorded, optionally from one component. */
  events(component?: string): string[] {
    return this.eventLog.filter((e) => component === undefined || e.component === component).map((e) => e.line);
  }
}
