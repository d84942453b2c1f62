/**
 * The result of running a plugin: a code plus human-readable reasons. Expected scheduling failures are values,
 * never exceptions.
 * Models k8s.io/kube-scheduler/framework interface.go (Code, Status).
 */

/** Status codes, in upstream order. */
export const Code = {
  Success: 0,
  /** An internal error; the pod is retried with backoff. */
  Error: 1,
  /** The node can't run the pod now, but preemption might help. */
  Unschedulable: 2,
  /** The node can't run the pod and preemption won't change that. */
  UnschedulableAndUnresolvable: 3,
  /** Returned by PreFilter/PreScore: the plugin has nothing to do for this pod; its Filter/Score is skipped. */
  Skip: 4,
  /** The pod waits for something outside the scheduler's control. */
  Pending: 5,
} as const;

/** One of the Code values. */
export type Code = (typeof Code)[keyof typeof Code];

const CODE_NAMES = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Skip', 'Pending'];

/** The name of a code as upstream prints it. */
export function codeName(code: Code): string {
  return CODE_NAMES[code] ?? `Unknown(${code})`;
}

/**
 * A non-success plugin result. `null` stands for Success everywhere in the hot path so passing nodes allocate
 * nothing. Statuses are immutable: plugins share one instance per fixed message.
 */
export class Status {
  constructor(
    readonly code: Code,
    readonly reasons: readonly string[],
    /** The plugin that produced the status ('' when the framework itself did). */
    readonly plugin = '',
  ) {}

  /** Reasons joined with ", ", as Status.Message does. */
  get message(): string {
    return this.reasons.join(', ');
  }

  /** Unschedulable or UnschedulableAndUnresolvable. */
  get isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable;
  }

  /** A copy attributed to `plugin` (the framework stamps statuses that a plugin left anonymous). */
  withPlugin(plugin: string): Status {
    return this.plugin === plugin ? this : new Status(this.code, this.reasons, plugin);
  }
}

/** Builds a status; `reasons` are kept in order. */
export function newStatus(code: Code, plugin: string, ...reasons: string[]): Status {
  return new Status(code, reasons, plugin);
}

/** An Error status from an unexpected condition (a bug or inconsistent state). */
export function asStatus(err: unknown, plugin = ''): Status {
  return new Status(Code.Error, [err instanceof Error ? err.message : String(err)], plugin);
}

/** True for `null` (success) and for Success statuses. */
export function isSuccess(s: Status | null | undefined): boolean {
  return !s || s.code === Code.Success;
}

/** True when the status rejects the pod (Unschedulable or UnschedulableAndUnresolvable). */
export function isRejected(s: Status | null | undefined): boolean {
  return !!s && s.isRejected;
}

/** The shared Skip status. */
export const SKIP = new Status(Code.Skip, []);
