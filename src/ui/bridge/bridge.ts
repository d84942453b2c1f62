/**
 * The only code that knows the Worker: starts the simulation worker, sends commands, resolves replies by id and
 * hands frames to the store. Everything else in the UI talks to the cluster through these functions.
 */
import type { ClusterConfig } from '../../engine';
import type { ApplyOutput, CommandOutput, EditorFile, ObjectId, Snapshot, Speed, UiCommand, Vocabulary, WorkerEvent } from '../../protocol/messages';
import type { InitMessage } from '../../worker/worker';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** Listeners for worker events (the store subscribes to frames; the app to crashes). */
export interface BridgeListeners {
  onFrame(ev: Extract<WorkerEvent, { type: 'frame' }>): void;
  onReady?(ev: Extract<WorkerEvent, { type: 'ready' }>): void;
  onCrash?(ev: Extract<WorkerEvent, { type: 'crash' }>): void;
}

/** A connection to the simulation worker. */
export class Bridge {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly listeners: BridgeListeners) {}

  /** Starts (or restarts) the worker with a session. */
  start(init: Omit<InitMessage, 'type'>): void {
    this.worker?.terminate();
    for (const p of this.pending.values()) p.reject(new Error('simulation restarted'));
    this.pending.clear();
    const w = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerEvent>) => this.receive(e.data);
    w.onerror = (e) => this.listeners.onCrash?.({ type: 'crash', message: e.message || 'the simulation worker stopped', snapshot: undefined as unknown as Snapshot });
    const msg: InitMessage = { type: 'init', ...init };
    w.postMessage(msg);
    this.worker = w;
  }

  private receive(ev: WorkerEvent): void {
    switch (ev.type) {
      case 'frame':
        this.listeners.onFrame(ev);
        break;
      case 'ready':
        this.listeners.onReady?.(ev);
        break;
      case 'crash':
        this.listeners.onCrash?.(ev);
        break;
      case 'reply': {
        const p = this.pending.get(ev.id);
        if (!p) return;
        this.pending.delete(ev.id);
        if (ev.ok) p.resolve(ev.result);
        else p.reject(new Error(ev.error));
        break;
      }
    }
  }

  private send(cmd: UiCommand): void {
    this.worker?.postMessage(cmd);
  }

  private request<T>(make: (id: number) => UiCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send(make(id));
    });
  }

  /** Runs a kubectl command line (`kubectl get pods`), with optional stdin and editor files for `-f`. */
  kubectl(line: string, opts: { stdin?: string; files?: EditorFile[] } = {}): Promise<CommandOutput> {
    return this.request((id) => ({ type: 'kubectl.run', id, line, ...opts }));
  }

  /** Applies one editor file (`kubectl apply -f <name>`), returning output and editor markers. */
  apply(file: EditorFile): Promise<ApplyOutput> {
    return this.request((id) => ({ type: 'manifest.apply', id, file }));
  }

  pause(): void {
    this.send({ type: 'sim.pause' });
  }

  resume(): void {
    this.send({ type: 'sim.resume' });
  }

  setSpeed(speed: Speed): void {
    this.send({ type: 'sim.setSpeed', speed });
  }

  /** Advances virtual time by `ms` at once (the +1s / +10s / +1m buttons). */
  step(ms: number): void {
    this.send({ type: 'sim.step', ms });
  }

  reset(opts: { seed?: number; config?: ClusterConfig } = {}): Promise<{ seed: number }> {
    return this.request((id) => ({ type: 'sim.reset', id, ...opts }));
  }

  exportSnapshot(): Promise<Snapshot> {
    return this.request((id) => ({ type: 'snapshot.export', id }));
  }

  importSnapshot(snapshot: Snapshot): Promise<{ nowMs: number }> {
    return this.request((id) => ({ type: 'snapshot.import', id, snapshot }));
  }

  describe(objectId: ObjectId): Promise<CommandOutput> {
    return this.request((id) => ({ type: 'inspect.describe', id, objectId }));
  }

  logs(namespace: string, pod: string, container: string, tailLines?: number): Promise<unknown> {
    return this.request((id) => ({ type: 'inspect.logs', id, namespace, pod, container, ...(tailLines !== undefined ? { tailLines } : {}) }));
  }

  /** kubectl's verbs and the served resource types, for the terminal's tab completion. */
  vocabulary(): Promise<Vocabulary> {
    return this.request((id) => ({ type: 'meta.vocabulary', id }));
  }

  /** Makes the worker fail on purpose (tests of the crash banner and restart). */
  crashForTest(): void {
    this.send({ type: 'debug.crash' });
  }
}
