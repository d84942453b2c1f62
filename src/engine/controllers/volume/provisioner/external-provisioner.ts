/**
 * The external provisioners of the cluster, driven the way sig-storage-lib-external-provisioner drives them:
 * a claim annotated for a provisioner that is running (see catalog.ts) gets a `Provisioning` event, then,
 * after the provisioner's work time, a `pvc-<uid>` volume pre-bound to it and `ProvisioningSucceeded` (or
 * `ProvisioningFailed`, retried with backoff). Released volumes it provisioned with reclaim policy Delete are
 * deleted by it. Nothing happens while no provisioner pod is Running: the binder keeps reporting
 * ExternalProvisioning.
 * Models sig-storage-lib-external-provisioner controller/controller.go (shouldProvision,
 * provisionClaimOperation, provisionVolumeErrorHandling, shouldDelete, deleteVolumeOperation).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import type { ComponentContext } from '../../../cluster/context';
import type { TaskHandle } from '../../../sim/clock';
import { WorkQueue, splitKey } from '../../runtime';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER,
  claimClass, claimKey, claimReference, type StoredClass, type StoredPV, type StoredPVC,
} from '../helpers/storage';
import { provisionerOf, type ProvisionerInstance } from './catalog';
import { provisionLocalPath } from './local-path';
import { provisionNfsSubdir } from './nfs-subdir';
import type { ProvisionRequest, ProvisionResult } from './types';

type StoredPod = Pod & KubeObject;

/** Work time of each provisioner, in ms: local-path runs a helper pod; NFS only makes a directory. */
const PROVISION_MS: Record<ProvisionerInstance['kind'], [number, number]> = {
  'local-path': [1_800, 3_200],
  'nfs-subdir': [200, 700],
};
const DELETE_MS: Record<ProvisionerInstance['kind'], [number, number]> = {
  'local-path': [1_500, 3_000],
  'nfs-subdir': [100, 400],
};

/** Failed provisioning is retried after 15s, doubling up to 1000s (the library's claim rate limiter). */
const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 1_000_000;

/** Running provisioners, for tests and the UI. */
export interface ExternalProvisioners {
  /** The provisioner instances whose pods are Running, by pod key. */
  running(): ProvisionerInstance[];
}

/** Starts the simulated external provisioners (they act only while their pods run). */
export function startExternalProvisioners(ctx: ComponentContext): ExternalProvisioners {
  const { api } = ctx;
  const rng = ctx.rng.fork('external-provisioner');
  const instances = new Map<string, ProvisionerInstance>();
  /** Claim uids with a provisioning operation under way. */
  const provisioning = new Set<string>();
  /** Claim uid -> failures so far and the pending retry. */
  const failures = new Map<string, { count: number; retry?: TaskHandle }>();
  /** Volume names being deleted. */
  const deleting = new Set<string>();
  const claims = new WorkQueue(ctx.clock, ctx.rng, 'external-provisioner-claims', (key) => syncClaim(key));
  const volumes = new WorkQueue(ctx.clock, ctx.rng, 'external-provisioner-volumes', (name) => syncVolume(name));

  api.watch('Pod', (ev) => {
    const pod = ev.object as StoredPod;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const before = instances.get(key);
    const now = ev.type === 'DELETED' ? undefined : provisionerOf(pod);
    if (before?.identity === now?.identity) return;
    if (now) instances.set(key, now);
    else instances.delete(key);
    // A provisioner that starts lists what is waiting for it.
    if (now) {
      for (const c of api.list('PersistentVolumeClaim')) claims.add(claimKey(c));
      for (const v of api.list('PersistentVolume')) volumes.add(v.metadata.name);
    }
  });
  api.watch('PersistentVolumeClaim', (ev) => {
    if (ev.type === 'DELETED') {
      const f = failures.get(ev.object.metadata.uid ?? '');
      f?.retry?.cancel();
      failures.delete(ev.object.metadata.uid ?? '');
      return;
    }
    claims.add(claimKey(ev.object));
  });
  api.watch('PersistentVolume', (ev) => {
    if (ev.type !== 'DELETED') volumes.add(ev.object.metadata.name);
  });

  /** The acting instance for a provisioner name (leader election: the first pod by name). */
  function leader(name: string): ProvisionerInstance | undefined {
    let best: ProvisionerInstance | undefined;
    for (const i of instances.values()) if (i.name === name && (!best || i.podKey < best.podKey)) best = i;
    return best;
  }

  function jitter([min, max]: [number, number]): number {
    return Math.round(rng.range(min, max));
  }

  // Models controller.go shouldProvision.
  function shouldProvision(claim: StoredPVC, inst: ProvisionerInstance, sc: StoredClass | undefined): boolean {
    if (claim.spec?.volumeName) return false;
    if (!sc || sc.provisioner !== inst.name) return false;
    // Delayed binding: only once the scheduler has picked a node.
    if (sc.volumeBindingMode === 'WaitForFirstConsumer') return !!claim.metadata.annotations?.[ANN_SELECTED_NODE];
    return true;
  }

  function provisionerNameOf(claim: StoredPVC): string | undefined {
    const a = claim.metadata.annotations ?? {};
    return a[ANN_STORAGE_PROVISIONER] ?? a[ANN_BETA_STORAGE_PROVISIONER];
  }

  function syncClaim(key: string): void {
    const [ns, name] = splitKey(key);
    const claim = api.get<StoredPVC>('PersistentVolumeClaim', ns, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    const uid = claim.metadata.uid!;
    if (provisioning.has(uid) || failures.get(uid)?.retry) return;
    const wanted = provisionerNameOf(claim);
    const inst = wanted ? leader(wanted) : undefined;
    if (!inst) return;
    const sc = api.get<StoredClass>('StorageClass', undefined, claimClass(claim));
    if (!shouldProvision(claim, inst, sc)) return;
    const pvName = `pvc-${uid}`;
    // Already provisioned: the binder binds it.
    if (api.get('PersistentVolume', undefined, pvName)) return;
    provisionClaim(claim, inst, sc!, pvName);
  }

  // Models controller.go provisionClaimOperation: the event, the provisioner's work, then the volume.
  function provisionClaim(claim: StoredPVC, inst: ProvisionerInstance, sc: StoredClass, pvName: string): void {
    const uid = claim.metadata.uid!;
    const source = { component: inst.identity };
    ctx.events.record(source, claim as KubeObject, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(claim)}"`);
    provisioning.add(uid);
    ctx.clock.schedule(jitter(PROVISION_MS[inst.kind]), `external-provisioner ${inst.name} provision ${claimKey(claim)}`, () => {
      provisioning.delete(uid);
      const live = api.get<StoredPVC>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
      if (!live || live.metadata.uid !== uid) return;
      const selected = live.metadata.annotations?.[ANN_SELECTED_NODE];
      const node = selected ? api.get<Node & KubeObject>('Node', undefined, selected) : undefined;
      let result: ProvisionResult;
      if (selected && !node) result = { ok: false, error: `nodes "${selected}" not found`, reschedule: true };
      else result = runProvisioner(inst, { claim: live, storageClass: sc, pvName }, node);
      if (!result.ok) {
        const message = selected && !node ? result.error : `failed to provision volume with StorageClass "${claimClass(live)}": ${result.error}`;
        ctx.events.record(source, live as KubeObject, 'Warning', 'ProvisioningFailed', message);
        if (result.reschedule && selected) {
          // Tell the scheduler to try another node.
          api.mutate('PersistentVolumeClaim', live.metadata.namespace, live.metadata.name, (c) => {
            const a = { ...(c.metadata.annotations ?? {}) };
            delete a[ANN_SELECTED_NODE];
            c.metadata.annotations = a;
          });
        }
        scheduleRetry(live);
        return;
      }
      failures.delete(uid);
      const pv: StoredPV = {
        ...(result.volume as StoredPV),
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          ...(result.volume.metadata as StoredPV['metadata']),
          name: pvName,
          annotations: { ...(result.volume.metadata?.annotations ?? {}), [ANN_DYNAMICALLY_PROVISIONED]: sc.provisioner },
        },
        spec: { ...(result.volume.spec ?? {}), claimRef: claimReference(live), storageClassName: claimClass(live) },
      };
      ctx.events.record(source, live as KubeObject, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
      api.create(pv as KubeObject);
    });
  }

  function runProvisioner(inst: ProvisionerInstance, req: ProvisionRequest, node: (Node & KubeObject) | undefined): ProvisionResult {
    switch (inst.kind) {
      case 'local-path': {
        const cm = api.get<KubeObject & { data?: Record<string, string> }>('ConfigMap', inst.namespace, inst.configMapName ?? 'local-path-config');
        return provisionLocalPath(req, node, cm?.data?.['config.json']);
      }
      case 'nfs-subdir':
        return provisionNfsSubdir(req, inst.nfsServer!, inst.nfsPath!);
    }
  }

  function scheduleRetry(claim: StoredPVC): void {
    const uid = claim.metadata.uid!;
    const f = failures.get(uid) ?? { count: 0 };
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** f.count);
    f.count++;
    f.retry = ctx.clock.schedule(delay, `external-provisioner retry ${claimKey(claim)}`, () => {
      f.retry = undefined;
      claims.add(claimKey(claim), 0);
    });
    failures.set(uid, f);
  }

  // Models controller.go shouldDelete / deleteVolumeOperation.
  function syncVolume(name: string): void {
    const pv = api.get<StoredPV>('PersistentVolume', undefined, name);
    if (!pv || deleting.has(name)) return;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    const by = pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
    const inst = by ? leader(by) : undefined;
    if (!inst) return;
    deleting.add(name);
    ctx.clock.schedule(jitter(DELETE_MS[inst.kind]), `external-provisioner ${inst.name} delete ${name}`, () => {
      deleting.delete(name);
      const live = api.get<StoredPV>('PersistentVolume', undefined, name);
      if (!live || live.metadata.uid !== pv.metadata.uid || live.status?.phase !== 'Released') return;
      // The storage goes with it (a data model keyed by volume name drops the volume's files here; nfs-subdir's
      // archiveOnDelete / onDelete=retain would keep them).
      api.delete('PersistentVolume', undefined, name);
    });
  }

  return { running: () => [...instances.values()] };
}
