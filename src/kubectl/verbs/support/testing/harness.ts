/** Test harness for verb tests: a seeded cluster, a kubectl over it with in-memory files, and a shell-like runner. */
import { createCluster, type Cluster } from '../../../../engine';
import type { FileSource } from '../../../context';
import type { RunResult } from '../../../io';
import { Kubectl } from '../../../kubectl';

/** A kubectl session over a fresh cluster (seed 1), with the given files readable by `-f` and `--from-file`. */
export interface Session {
  cluster: Cluster;
  kubectl: Kubectl;
  /** Runs one command line and returns everything it printed with its exit code. */
  run(line: string, stdin?: string): RunResult;
  /** Runs one command line that must succeed and returns its stdout. */
  ok(line: string): string;
}

/** An in-memory FileSource: `files` maps paths to contents; a path that prefixes others is a directory. */
export function memoryFiles(files: Record<string, string>): FileSource {
  return {
    read: (p) => files[p],
    list: (p) => {
      const prefix = `${p.replace(/\/$/, '')}/`;
      const entries = Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!);
      return entries.length > 0 ? [...new Set(entries)].sort() : undefined;
    },
  };
}

/** Starts a session; the cluster has finished bootstrapping. */
export function session(files: Record<string, string> = {}): Session {
  const cluster = createCluster({ seed: 1 });
  const kubectl = new Kubectl(cluster, { files: memoryFiles(files) });
  return {
    cluster,
    kubectl,
    run: (line, stdin) => kubectl.run(line, stdin),
    ok: (line) => {
      const r = kubectl.run(line);
      if (r.exitCode !== 0) throw new Error(`${line} failed (${r.exitCode}):\n${r.output}`);
      return r.stdout;
    },
  };
}
