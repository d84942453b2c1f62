import { test } from 'vitest';
import { createCluster } from '../../engine';
import { Kubectl } from '../kubectl';

test('smoke', () => {
  const cluster = createCluster({ seed: 1 });
  const files: Record<string, string> = {
    'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
  };
  const k = new Kubectl(cluster, { files: { read: (p) => files[p], list: () => undefined } });
  const run = (line: string) => {
    const r = k.run(line);
    console.log(`$ ${line}\n${r.output}[exit ${r.exitCode}]`);
  };
  run('kubectl create deployment web --image=nginx --save-config');
  run('kubectl get deploy web -o jsonpath={.metadata.annotations}');

  run('kubectl create');
  run('kubectl create deployment x');
  run('kubectl create deployment');
  run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`);
  run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`);
  run(`kubectl patch deployment web --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}}}}'`);
  run(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}' -o jsonpath='{.spec.template.spec.containers[*].name}'`);
  run(`kubectl patch deployment web --type foo -p '{}'`);
  run('kubectl run nginx --image=nginx --port=80 --expose --dry-run=client -o yaml');
  run('kubectl run nginx --image=nginx --port=80 --expose');
  run('kubectl run -it busybox --image=busybox --rm -- sh');
  run('kubectl api-resources');
  run('kubectl explain pods');
  run('kubectl explain pod.spec.containers.resources --recursive');
  run('kubectl explain pod.spec.foo');
  run('kubectl explain foo');
  run('kubectl version -o yaml');
  run('kubectl logs web');
  run('kubectl logs deploy/web');
  run('kubectl create deploy x --image=busybox -o name');
  run('kubectl create priorityclass high --value=1000 --dry-run=client -o yaml');
});
