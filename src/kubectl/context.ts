/**
 * What a command runs against: the cluster, the current namespace from the kubeconfig context, the host's files
 * and stdin, and the output sink.
 */
import type { ApiStatus, Cluster, KubeObject } from '../engine';
import type { Output } from './io';

/** Files a command can read (`-f`), provided by the host (the CLI's disk, the browser's editor tabs). */
export interface FileSource {
  /** Contents of a file, or undefined if it does not exist. */
  read(path: string): string | undefined;
  /** Entries of a directory (file names), or undefined if `path` is not a directory. */
  list(path: string): string[] | undefined;
}

/** The kubeconfig state kubectl keeps between commands. */
export interface KubeconfigState {
  namespace: string;
  clusterName: string;
  contextName: string;
  user: string;
}

/** Everything a verb needs for one invocation. */
export interface CommandContext {
  readonly cluster: Cluster;
  readonly out: Output;
  readonly config: KubeconfigState;
  readonly files: FileSource;
  readonly stdin: string | undefined;
  /** Namespace for this invocation (`-n`, else the context's). */
  namespace: string;
  /** Hook for `kubectl edit` and friends, provided by interactive hosts. */
  readonly editor?: (obj: KubeObject) => void;
  /** Receives each failed document of `kubectl apply`, for hosts that place errors in an editor. */
  readonly report?: (d: ApplyDiagnostic) => void;
}

/** One document `kubectl apply` could not apply, as structured data (the printed text says the same in words). */
export interface ApplyDiagnostic {
  /** The file the document came from (`web.yaml`, `STDIN`). */
  source: string;
  /** 0-based position of the document among that file's decoded documents (the engine's decodeManifests order). */
  index: number;
  /** The apiserver's answer when the request reached it (Invalid with field causes, BadRequest, AlreadyExists, ...). */
  status?: ApiStatus;
  /** A client-side failure as kubectl prints it (parse errors, unknown kinds, namespace mismatch). */
  error?: string;
}

/** A FileSource with no files (commands that need one report the missing path). */
export const NO_FILES: FileSource = { read: () => undefined, list: () => undefined };
