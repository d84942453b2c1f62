/**
 * Test harness for the storage controllers: a real ApiServer (strategies, DefaultStorageClass and
 * StorageObjectInUseProtection admission), Clock and RunLoop with the `default` namespace, the binder and the
 * protection controllers, and an event log. No scheduler or kubelets: tests place pods with spec.nodeName.
 */
import type { KubeObject } from '../../../api/types';
import { ApiServer } from '../../../apiserver/apiserver';
import { EventRecorder } from '../../../apiserver/events';
import type { Allocators } from '../../../apiserver/strategy';
import { registerAllStrategies } from '../../../apiserver/strategies';
import { defaultStorageClassAdmission } from '../../../apiserver/admission/default-storage-class';
import type { ComponentContext } from '../../../cluster/context';
import { Clock } from '../../../sim/clock';
import { RunLoop } from '../../../sim/loop';
import { createRng } from '../../../sim/rng';
import { startPersistentVolumeController, type PersistentVolumeController } from '../binder/pv-controller';
import { startPVCProtectionController } from '../protection/pvc-protection';
import { startPVProtectionController } from '../protection/pv-protection';
import { registerStorageObjectInUseProtection } from '../protection/storage-object-in-use-admission';
import type { StoredPV, StoredPVC } from '../helpers/storage';

/** 2026-01-15T09:00:00Z: the harness's epoch. */
export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

const NO_ALLOCATORS: Allocators = {
  allocateClusterIP: () => undefined,
  claimClusterIP: () => false,
  releaseClusterIP: () => undefined,
  allocateNodePort: () => undefined,
  claimNodePort: () => false,
  releaseNodePort: () => undefined,
};

/** A small control plane for storage tests. */
export class StorageHarness {
  readonly clock = new Clock(T0);
  readonly loop = new RunLoop(this.clock);
  readonly rng = createRng(11);
  readonly api: ApiServer;
  readonly ctx: ComponentContext;
  readonly binder: PersistentVolumeController;
  private readonly eventLog: { kind: string; name: string; line: string }[] = [];

  constructor() {
    registerAllStrategies();
    this.api = new ApiServer(this.clock, this.rng.fork('apiserver'), NO_ALLOCATORS, true);
    this.api.addAdmission(defaultStorageClassAdmission);
    registerStorageObjectInUseProtection(this.api);
    this.ctx = { api: this.api, clock: this.clock, rng: this.rng, events: new EventRecorder(this.api) };
    this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    this.api.watch('Event', (ev) => {
      const e = ev.object as KubeObject & { involvedObject: { kind: string; name: string }; type: string; reason: string; message: string };
      if (ev.type === 'ADDED') this.eventLog.push({ kind: e.involvedObject.kind, name: e.involvedObject.name, line: `${e.type} ${e.reason}: ${e.message}` });
    });
    this.binder = startPersistentVolumeController(this.ctx);
    startPVCProtectionController(this.ctx);
    startPVProtectionController(this.ctx);
  }

  /** Creates an object or fails the test. */
  create<T extends KubeObject = KubeObject>(obj: KubeObject): T {
    const r = this.api.create<T>(obj);
    if (!r.ok) throw new Error(r.status.message);
    return r.value;
  }

  /** Advances virtual time by `ms`. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  pv(name: string): StoredPV | undefined {
    return this.api.get<StoredPV>('PersistentVolume', undefined, name);
  }

  pvc(name: string): StoredPVC | undefined {
    return this.api.get<StoredPVC>('PersistentVolumeClaim', 'default', name);
  }

  /** `phase` of a volume or claim, `-` when it does not exist. */
  phase(kind: 'PersistentVolume' | 'PersistentVolumeClaim', name: string): string {
    const o = kind === 'PersistentVolume' ? this.pv(name) : this.pvc(name);
    return o ? String(o.status?.phase) : '-';
  }

  /** Events first recorded for an object, as `Type Reason: message`. */
  events(kind: string, name: string): string[] {
    return this.eventLog.filter((e) => e.kind === kind && e.name === name).map((e) => e.line);
  }
}

/** A hostPath PersistentVolume manifest. */
export function hostPathPV(name: string, size: string, extra: { cls?: string; modes?: string[]; policy?: string; path?: string; labels?: Record<string, string>; claimRef?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: {
      capacity: { storage: size },
      accessModes: extra.modes ?? ['ReadWriteOnce'],
      ...(extra.cls !== undefined ? { storageClassName: extra.cls } : {}),
      ...(extra.policy ? { persistentVolumeReclaimPolicy: extra.policy } : {}),
      ...(extra.claimRef ? { claimRef: extra.claimRef } : {}),
      hostPath: { path: extra.path ?? `/mnt/${name}` },
    },
  };
}

/** A PersistentVolumeClaim manifest in `default`. */
export function claimManifest(name: string, size: string, extra: { cls?: string | null; modes?: string[]; volumeName?: string; selector?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: {
      accessModes: extra.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      ...(extra.cls !== undefined && extra.cls !== null ? { storageClassName: extra.cls } : {}),
      ...(extra.volumeName ? { volumeName: extra.volumeName } : {}),
      ...(extra.selector ? { selector: { matchLabels: extra.selector } } : {}),
    },
  };
}

/** A pod on `node-1` that mounts the claim. */
export function podUsing(name: string, claim: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    },
  };
}
