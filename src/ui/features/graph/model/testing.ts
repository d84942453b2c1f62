/**
 * Test support: a real simulated cluster driven by kubectl, read back as the UI's object record, so layout tests
 * see the same objects the app sees.
 */
import { createCluster, type KubeObject } from '../../../../engine';
import { Kubectl } from '../../../../kubectl';
import { objectId, type ObjectId } from '../../../../protocol/messages';

/** A cluster with a kubectl and a snapshot of its objects in the store's shape. */
export interface TestCluster {
  run(line: string, stdin?: string): string;
  advance(ms: number): void;
  objects(): Record<ObjectId, KubeObject>;
  nowMs(): number;
}

/** Boots a default cluster (one control plane, two workers) with a fixed seed. */
export function testCluster(seed = 1): TestCluster {
  const cluster = createCluster({ seed });
  const kubectl = new Kubectl(cluster);
  return {
    run(line, stdin) {
      const r = kubectl.run(line, stdin);
      return r.output;
    },
    advance(ms) {
      cluster.advance(ms);
    },
    objects() {
      const out: Record<ObjectId, KubeObject> = {};
      for (const kind of cluster.api.store.kinds()) for (const o of cluster.api.list(kind)) out[objectId(o)] = o;
      return out;
    },
    nowMs: () => cluster.nowMs,
  };
}

/** A Deployment manifest with `replicas` nginx pods requesting 100m CPU and 64Mi memory each. */
export function deploymentYaml(name: string, replicas: number, image = 'nginx:1.27'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: ${image}
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`;
}
