/**
 * The one place kubectl errors are rendered, as kubectl's cmdutil.CheckErr renders them.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, StandardErrorMessage, MultilineError).
 */
import type { ApiStatus } from '../engine';

/** An error a command reports to the user: the text (without trailing newline) and the exit code. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `error: <msg>` — kubectl's form for client-side failures. */
export function clientError(msg: string, exitCode = 1): KubectlError {
  return new KubectlError(`error: ${msg}`, exitCode);
}

/** An apiserver failure, rendered as kubectl prints it when it is the command's only error. */
export function apiError(status: ApiStatus): KubectlError {
  return new KubectlError(renderStatus(status));
}

/** Renders a Status: Invalid with causes gets the "The X "n" is invalid" form; others `Error from server (Reason): msg`. */
export function renderStatus(status: ApiStatus): string {
  if (status.reason === 'Invalid' && status.details && (status.details.kind || status.details.name)) {
    const head = `The ${status.details.kind} "${status.details.name ?? ''}" is invalid`;
    const causes = status.details.causes ?? [];
    if (causes.length === 0) return `${head}`;
    if (causes.length === 1) return `${head}: ${causes[0]!.field}: ${causes[0]!.message}`;
    return `${head}: \n${causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`;
  }
  return serverError(status);
}

/** `Error from server (NotFound): pods "x" not found` */
export function serverError(status: ApiStatus): string {
  return `Error from server (${status.reason}): ${status.message}`;
}

/** Prefixes an apiserver message with the manifest it came from, as cmdutil.AddSourceToErr does. */
export function withSource(status: ApiStatus, verb: string, source: string): ApiStatus {
  return { ...status, message: `error when ${verb} "${source}": ${status.message}` };
}
