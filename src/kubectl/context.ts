/**
 * What a command runs against: the cluster, the current namespace from the kubeconfig context, the host's files
 * and stdin, and the output sink.
 */
import type { Cluster, KubeObject } from '../engine';
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
}

/** A FileSource with no files (commands that need one report the missing path). */
export const NO_FILES: FileSource = { read: () => undefined, list: () => undefined };
