import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createCluster } from '/work/main/src/engine';
import { Session } from '/work/main/src/kubectl';
import { nodeFiles } from '/work/main/src/cli/node-files';
it('dump', () => {
  const dir = '/work/main/tests/scenarios';
  const script = readFileSync(`${dir}/${process.env.F}.sh`, 'utf8');
  const configFile = /^# config: (\S+)$/m.exec(script)?.[1];
  const config = configFile ? parse(readFileSync(join(dir, configFile), 'utf8')) : undefined;
  const cluster = createCluster({ seed: 1, ...(config ? { config } : {}) });
  const t0 = Date.now();
  console.log(new Session(cluster, nodeFiles(dir)).runScript(script));
  console.log('took', Date.now() - t0);
});
