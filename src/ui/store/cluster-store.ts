/**
 * The UI's read-only mirror of the cluster, fed by worker frames (one `set` per frame). UI code reads it through
 * selectors and never writes objects: changes go to the worker as commands.
 */
import { create } from 'zustand';
import type { KubeObject } from '../../engine';
import type { ObjectId, Speed, WorkerEvent } from '../../protocol/messages';
import { objectId } from '../../protocol/messages';

/** The mirrored cluster state. */
export interface ClusterState {
  /** Objects by id (`Pod/default/web-...`). */
  objects: Record<ObjectId, KubeObject>;
  /** Virtual time of the last frame. */
  nowMs: number;
  paused: boolean;
  speed: Speed;
  seq: number;
  /** Bumped on every reset so views can drop derived state. */
  epoch: number;
  applyFrame(frame: Extract<WorkerEvent, { type: 'frame' }>): void;
}

export const useClusterStore = create<ClusterState>()((set) => ({
  objects: {},
  nowMs: 0,
  paused: false,
  speed: 1,
  seq: 0,
  epoch: 0,
  applyFrame: (frame) =>
    set((s) => {
      const changed = frame.reset || frame.diff.upserts.length > 0 || frame.diff.deletes.length > 0;
      if (!changed) return { nowMs: frame.nowMs, paused: frame.paused, speed: frame.speed, seq: frame.seq };
      // A new record per changed frame keeps selectors cheap: unchanged objects keep their identity.
      const objects: Record<ObjectId, KubeObject> = frame.reset ? {} : { ...s.objects };
      for (const o of frame.diff.upserts) objects[objectId(o)] = o;
      for (const id of frame.diff.deletes) delete objects[id];
      return { objects, nowMs: frame.nowMs, paused: frame.paused, speed: frame.speed, seq: frame.seq, epoch: frame.reset ? s.epoch + 1 : s.epoch };
    }),
}));

/** Objects of one kind (optionally in one namespace), sorted by namespace and name. */
export function selectKind(state: ClusterState, kind: string, namespace?: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const o of Object.values(state.objects)) if (o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) out.push(o);
  return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}
