/**
 * Scenario tests: every tests/scenarios/<name>.sh runs on a fresh cluster (seed 1, or `# seed: N` in the script)
 * and its transcript must equal <name>.out byte for byte. Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run tests/scenarios.test.ts`, then read the diff.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterConfig } from '../src/engine';
import { Session } from '../src/kubectl';
import { nodeFiles } from '../src/cli/node-files';
import { parse } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const update = process.env.UPDATE_GOLDEN === '1';

/** Runs a scenario script the way `kubeplay run` does. */
export function runScenario(script: string, baseDir: string): string {
  const seed = Number(/^# seed: (\d+)$/m.exec(script)?.[1] ?? 1);
  const configFile = /^# config: (\S+)$/m.exec(script)?.[1];
  const config = configFile ? (parse(readFileSync(join(baseDir, configFile), 'utf8')) as ClusterConfig) : undefined;
  const cluster = createCluster({ seed, ...(config ? { config } : {}) });
  return new Session(cluster, nodeFiles(baseDir)).runScript(script);
}

describe('scenario transcripts', () => {
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();
  for (const file of scripts) {
    it(file, () => {
      const script = readFileSync(join(dir, file), 'utf8');
      const transcript = runScenario(script, dir);
      const goldenPath = join(dir, file.replace(/\.sh$/, '.out'));
      if (update) writeFileSync(goldenPath, transcript);
      expect(existsSync(goldenPath), `${goldenPath} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(transcript).toBe(readFileSync(goldenPath, 'utf8'));
    });
  }
});

describe('determinism', () => {
  const script = readFileSync(join(dir, 'rollout-set-image.sh'), 'utf8');
  it('gives byte-identical transcripts for the same script and seed', () => {
    expect(runScenario(script, dir)).toBe(runScenario(script, dir));
  });
  it('changes pod name suffixes with another seed', () => {
    const a = runScenario(script, dir);
    const b = runScenario(`# seed: 7\n${script}`, dir);
    const suffixes = (t: string) => [...t.matchAll(/web-[a-z0-9]+-([bcdfghjklmnpqrstvwxz2456789]{5})\b/g)].map((m) => m[1]).sort();
    expect(suffixes(a).length).toBeGreaterThan(0);
    expect(suffixes(b)).not.toEqual(suffixes(a));
  });
});
