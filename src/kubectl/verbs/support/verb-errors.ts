/**
 * Errors that mutating verbs collect while visiting objects (kubectl's ContinueOnError builders) and print at the
 * end, the way cmdutil.CheckErr prints an aggregate: one error in its standard form, several one per line.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, MultipleErrors, messageForError).
 */
import type { ApiStatus } from '../../../engine';
import { KubectlError, renderStatus, serverError } from '../../errors';

/** One failure: a client-side message (without `error: `), an apiserver Status, or a fully rendered line. */
export type VerbError =
  | { kind: 'client'; message: string }
  | { kind: 'status'; status: ApiStatus }
  | { kind: 'rendered'; text: string };

/** A client-side error (`error: <message>` when it is the only one). */
export const clientFailure = (message: string): VerbError => ({ kind: 'client', message });

/** An apiserver error. */
export const statusFailure = (status: ApiStatus): VerbError => ({ kind: 'status', status });

/**
 * Renders collected errors as checkErr does: a single error in its standard form (`error: x`, `Error from server
 * (R): m`, `The Kind "n" is invalid: ...`); several as messageForError lines (client errors without the prefix).
 */
export function renderVerbErrors(errors: readonly VerbError[]): string {
  if (errors.length === 1) {
    const e = errors[0]!;
    switch (e.kind) {
      case 'client':
        return e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
      case 'status':
        return renderStatus(e.status);
      case 'rendered':
        return e.text;
    }
  }
  return errors
    .map((e) => (e.kind === 'client' ? e.message : e.kind === 'status' ? serverError(e.status) : e.text))
    .map((line) => line.replace(/\n$/, ''))
    .join('\n');
}

/** Throws the collected errors as one KubectlError (exit 1); does nothing when there are none. */
export function throwIfAny(errors: readonly VerbError[]): void {
  if (errors.length > 0) throw new KubectlError(renderVerbErrors(errors));
}
