import { test } from 'vitest';
import { describe as describeObj } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
test('print', () => {
  const ctx = fakeContext(f.allObjects(), f.NOW_MS);
  let out = '';
  for (const o of [f.webPod(), f.webDeployment(), f.webReplicaSet(), f.webService(), f.webNodePortService(), f.workerNode(), f.namespaces()[1]!, f.appConfigMap(), f.dbSecret(), f.piJob(), f.workerLease(), f.devPolicies()[0]!, f.devPolicies()[1]!]) {
    out += `===== ${o.kind} ${o.metadata.name}\n` + describeObj(o, ctx);
  }
  require('fs').writeFileSync('/tmp/vt/out.txt', out);
});
