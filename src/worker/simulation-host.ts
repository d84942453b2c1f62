/**
 * The simulation host: owns one cluster and one kubectl, runs commands from the UI, drives the virtual clock from
 * real time × speed, and coalesces watch events into frames. It is independent of the Worker global so tests can
 * drive it directly; worker.ts connects it to `self`.
 */
import { createCluster, RESOURCE_TYPES, type Cluster, type ClusterConfig, type KubeObject } from '../engine';
import { Kubectl, type ApplyDiagnostic, type FileSource } from '../kubectl';
import { COMMANDS } from '../kubectl/verbs';
import { objectId, type EditorFile, type LoggedCommand, type ObjectId, type Snapshot, type Speed, type UiCommand, type WorkerEvent, type CommandOutput, type Vocabulary } from '../protocol/messages';
import { applyProblems } from './apply-problems';
import { editArgs, runEdit } from './edit';

/** Options of a new session. */
export interface HostOptions {
  seed: number;
  config?: ClusterConfig;
  startTimeMs: number;
  paused?: boolean;
  speed?: Speed;
}

/** The most virtual time one tick may advance, so a slow frame at 60× cannot stall the page. */
const MAX_TICK_VIRTUAL_MS = 5_000;

/** A FileSource over the files sent with a command. */
function filesOf(files: readonly EditorFile[] | undefined): FileSource {
  const map = new Map((files ?? []).map((f) => [f.name, f.text]));
  return { read: (p) => map.get(p.replace(/^\.\//, '')), list: () => undefined };
}

export class SimulationHost {
  private cluster!: Cluster;
  private kubectl!: Kubectl;
  private files: FileSource = filesOf([]);
  private seed!: number;
  private config: ClusterConfig | undefined;
  private startTimeMs!: number;
  private log: LoggedCommand[] = [];
  private pendingUpserts = new Map<ObjectId, KubeObject>();
  private pendingDeletes = new Set<ObjectId>();
  private seq = 0;
  private resetPending = true;
  /** Failed documents kubectl reports during the apply in progress (undefined outside applyFile). */
  private diagnostics: ApplyDiagnostic[] | undefined;
  paused: boolean;
  speed: Speed;

  constructor(
    private readonly post: (ev: WorkerEvent) => void,
    opts: HostOptions,
  ) {
    this.paused = opts.paused ?? false;
    this.speed = opts.speed ?? 1;
    this.boot(opts.seed, opts.config, opts.startTimeMs, []);
  }

  /** Builds a cluster and replays `log` onto it (used by reset, import and crash recovery). */
  private boot(seed: number, config: ClusterConfig | undefined, startTimeMs: number, log: LoggedCommand[], untilMs?: number): void {
    this.seed = seed;
    this.config = config;
    this.startTimeMs = startTimeMs;
    this.cluster = createCluster({ seed, ...(config ? { config } : {}), startTimeMs });
    this.kubectl = new Kubectl(this.cluster, {
      files: { read: (p) => this.files.read(p), list: (p) => this.files.list(p) },
      report: (d) => this.diagnostics?.push(d),
    });
    this.log = [];
    for (const entry of log) {
      if (entry.atMs > this.cluster.nowMs) this.cluster.advance(entry.atMs - this.cluster.nowMs);
      if (entry.type === 'kubectl.run') this.runKubectl(entry.line, entry.stdin, entry.files);
      else this.applyFile(entry.file);
    }
    if (untilMs !== undefined && untilMs > this.cluster.nowMs) this.cluster.advance(untilMs - this.cluster.nowMs);
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    this.resetPending = true;
    this.cluster.api.watch('*', (ev) => {
      const id = objectId(ev.object);
      if (ev.type === 'DELETED') {
        this.pendingUpserts.delete(id);
        this.pendingDeletes.add(id);
      } else {
        this.pendingDeletes.delete(id);
        this.pendingUpserts.set(id, ev.object);
      }
    });
    this.post({ type: 'ready', seed, nowMs: this.cluster.nowMs, nodes: this.cluster.nodes.length, startTimeMs });
  }

  /** Handles one UI command. Replies go out through `post`. */
  handle(cmd: UiCommand): void {
    switch (cmd.type) {
      case 'kubectl.run': {
        // `kubectl edit` needs the UI's editor: it is answered here (read-only, so not logged) instead of by kubectl.
        const edit = editArgs(cmd.line);
        if (edit) return this.reply(cmd.id, () => runEdit(this.kubectl, edit));
        return this.reply(cmd.id, () => this.runKubectl(cmd.line, cmd.stdin, cmd.files));
      }
      case 'manifest.apply':
        return this.reply(cmd.id, () => this.applyFile(cmd.file));
      case 'sim.pause':
        this.paused = true;
        return this.flush();
      case 'sim.resume':
        this.paused = false;
        return this.flush();
      case 'sim.setSpeed':
        this.speed = cmd.speed;
        return this.flush();
      case 'sim.step':
        this.cluster.advance(Math.max(0, cmd.ms));
        return this.flush();
      case 'sim.reset':
        return this.reply(cmd.id, () => {
          this.boot(cmd.seed ?? this.seed, cmd.config ?? this.config, this.startTimeMs, []);
          return { seed: this.seed };
        });
      case 'snapshot.export':
        return this.reply(cmd.id, () => this.snapshot());
      case 'snapshot.import':
        return this.reply(cmd.id, () => {
          const s = cmd.snapshot;
          if (s?.format !== 'kubeplay.snapshot/v1') throw new Error('not a KubePlay snapshot (expected format "kubeplay.snapshot/v1")');
          this.boot(s.seed, s.config, s.startTimeMs, s.log, s.nowMs);
          return { nowMs: this.cluster.nowMs };
        });
      case 'inspect.describe': {
        const [kind, ...rest] = cmd.objectId.split('/');
        const name = rest[rest.length - 1]!;
        const ns = rest.length > 1 ? rest[0] : undefined;
        return this.reply(cmd.id, () => this.kubectl.runArgs(['describe', kind!.toLowerCase(), name, ...(ns ? ['-n', ns] : [])]));
      }
      case 'inspect.logs':
        return this.reply(cmd.id, () => this.cluster.logs(cmd.namespace, cmd.pod, cmd.container, { ...(cmd.tailLines !== undefined ? { tailLines: cmd.tailLines } : {}) }));
      case 'meta.vocabulary':
        return this.reply(cmd.id, () => vocabulary());
      case 'debug.crash':
        // Lets tests and the crash banner be exercised: the worker entry turns this into a `crash` event.
        throw new Error('simulated crash (debug.crash)');
    }
  }

  /** Advances virtual time by `realMs` × speed (unless paused) and sends a frame if anything changed. */
  tick(realMs: number): void {
    if (!this.paused && realMs > 0) this.cluster.advance(Math.min(realMs * this.speed, MAX_TICK_VIRTUAL_MS));
    this.flush();
  }

  /** The session as a replayable snapshot. */
  snapshot(): Snapshot {
    return { format: 'kubeplay.snapshot/v1', seed: this.seed, ...(this.config ? { config: this.config } : {}), startTimeMs: this.startTimeMs, nowMs: this.cluster.nowMs, log: [...this.log] };
  }

  /** Every stored object, for a UI that (re)connects. */
  allObjects(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const kind of this.cluster.api.store.kinds()) out.push(...this.cluster.api.list(kind));
    return out;
  }

  private runKubectl(line: string, stdin?: string, files?: EditorFile[]): CommandOutput {
    this.log.push({ atMs: this.cluster.nowMs, type: 'kubectl.run', line, ...(stdin !== undefined ? { stdin } : {}), ...(files ? { files } : {}) });
    this.files = filesOf(files);
    const r = this.kubectl.run(line, stdin);
    return r;
  }

  private applyFile(file: EditorFile): CommandOutput {
    this.log.push({ atMs: this.cluster.nowMs, type: 'manifest.apply', file });
    this.files = filesOf([file]);
    const diagnostics: ApplyDiagnostic[] = [];
    this.diagnostics = diagnostics;
    let r;
    try {
      r = this.kubectl.runArgs(['apply', '-f', file.name]);
    } finally {
      this.diagnostics = undefined;
    }
    return { ...r, problems: applyProblems(file.text, file.name, r, diagnostics) } as CommandOutput;
  }

  private reply(id: number, fn: () => unknown): void {
    try {
      const result = fn();
      this.post({ type: 'reply', id, ok: true, result });
    } catch (e) {
      this.post({ type: 'reply', id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
    this.flush();
  }

  /** Sends the pending diff as one frame (always on reset, else only when something changed or time moved). */
  flush(): void {
    const reset = this.resetPending;
    const upserts = reset ? this.allObjects() : [...this.pendingUpserts.values()];
    const deletes = reset ? [] : [...this.pendingDeletes];
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    this.resetPending = false;
    this.post({ type: 'frame', seq: ++this.seq, nowMs: this.cluster.nowMs, paused: this.paused, speed: this.speed, reset, diff: { upserts, deletes } });
  }
}

/** The verbs and resource types the terminal completes, read from kubectl's command table and the kind registry. */
export function vocabulary(): Vocabulary {
  const verbs = COMMANDS.map((c) => ({ name: c.name, subcommands: (c.subcommands ?? []).map((s) => s.name) }));
  // `edit` is served by the host (see runEdit), not by kubectl's command table.
  if (!verbs.some((v) => v.name === 'edit')) verbs.push({ name: 'edit', subcommands: [] });
  verbs.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  const resources = RESOURCE_TYPES.filter((t) => {
    // events.k8s.io Events share the core Event's names; complete them once.
    if (seen.has(t.resource)) return false;
    seen.add(t.resource);
    return true;
  }).map((t) => ({ kind: t.kind, resource: t.resource, singular: t.singular, shortNames: [...t.shortNames], namespaced: t.namespaced }));
  return { verbs, resources };
}
