/**
 * The typed protocol between the UI thread and the simulation worker. Everything here is plain serializable data:
 * commands go UI → worker (each with an id when a reply is expected), events come back (frames of object diffs,
 * replies, errors). Commands are named `domain.verb`.
 */
import type { ClusterConfig, KubeObject } from '../engine';

/** Simulation speeds offered in the UI (0 = paused is a separate flag). */
export const SPEEDS = [1, 2, 5, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** `Kind/namespace/name` or `Kind/name` for cluster-scoped objects — the id used everywhere in the UI. */
export type ObjectId = string;

/** The id of an object (also the graph elements' `data-id`). */
export function objectId(obj: Pick<KubeObject, 'kind' | 'metadata'>): ObjectId {
  return obj.metadata.namespace ? `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}` : `${obj.kind}/${obj.metadata.name}`;
}

/** A file of the editor, sent with an apply so `kubectl apply -f <name>` can read it. */
export interface EditorFile {
  name: string;
  text: string;
}

/** One command of the session log: enough to replay the session exactly. */
export type LoggedCommand =
  | { atMs: number; type: 'kubectl.run'; line: string; stdin?: string; files?: EditorFile[] }
  | { atMs: number; type: 'manifest.apply'; file: EditorFile };

/** A cluster snapshot: seed, config and the command log; replaying it rebuilds the cluster exactly. */
export interface Snapshot {
  format: 'kubeplay.snapshot/v1';
  seed: number;
  config?: ClusterConfig;
  startTimeMs: number;
  nowMs: number;
  log: LoggedCommand[];
}

/** Commands the UI sends. */
export type UiCommand =
  | { type: 'kubectl.run'; id: number; line: string; stdin?: string; files?: EditorFile[] }
  | { type: 'manifest.apply'; id: number; file: EditorFile }
  | { type: 'sim.pause' }
  | { type: 'sim.resume' }
  | { type: 'sim.setSpeed'; speed: Speed }
  | { type: 'sim.step'; ms: number }
  | { type: 'sim.reset'; id: number; seed?: number; config?: ClusterConfig }
  | { type: 'snapshot.export'; id: number }
  | { type: 'snapshot.import'; id: number; snapshot: Snapshot }
  | { type: 'inspect.describe'; id: number; objectId: ObjectId }
  | { type: 'inspect.logs'; id: number; namespace: string; pod: string; container: string; tailLines?: number }
  | { type: 'meta.vocabulary'; id: number }
  | { type: 'debug.crash' };

/** One resource type as the terminal's tab completion needs it (from the cluster's discovery registry). */
export interface VocabularyResource {
  kind: string;
  /** Plural name (`deployments`). */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
}

/** What the terminal completes: kubectl's verbs with their sub-commands, and the served resource types. */
export interface Vocabulary {
  verbs: { name: string; subcommands: string[] }[];
  resources: VocabularyResource[];
}

/** The result of `kubectl.run` (and of other text-producing commands). */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as written. */
  output: string;
  exitCode: number;
  /** Set when the command asks the UI to open an object in the editor (`kubectl edit`). */
  edit?: { objectId: ObjectId; yaml: string };
}

/** A problem in one document of an applied file, placed for an editor marker. */
export interface ApplyProblem {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  endLine?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The result of `manifest.apply`: what kubectl printed, plus markers for the editor. */
export interface ApplyOutput extends CommandOutput {
  problems: ApplyProblem[];
}

/** Object changes since the previous frame: latest versions and removals. */
export interface FrameDiff {
  upserts: KubeObject[];
  deletes: ObjectId[];
}

/** Events the worker sends. */
export type WorkerEvent =
  | { type: 'ready'; seed: number; nowMs: number; nodes: number; startTimeMs?: number }
  | { type: 'frame'; seq: number; nowMs: number; paused: boolean; speed: Speed; reset: boolean; diff: FrameDiff }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'crash'; message: string; recentTasks?: string; snapshot: Snapshot };
