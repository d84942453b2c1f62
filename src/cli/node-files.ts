/** A FileSource over the local disk, resolving relative paths against a base folder. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileSource } from '../kubectl';

export function nodeFiles(baseDir: string): FileSource {
  return {
    read(path) {
      try {
        const p = resolve(baseDir, path);
        if (statSync(p).isDirectory()) return undefined;
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(path) {
      try {
        const p = resolve(baseDir, path);
        if (!statSync(p).isDirectory()) return undefined;
        return readdirSync(p).sort();
      } catch {
        return undefined;
      }
    },
  };
}
