import { describe, expect, test } from 'vitest';
import type { ApplyOutput, CommandOutput, WorkerEvent } from '../protocol/messages';
import { applyProblems, parseFieldPath } from './apply-problems';
import { SimulationHost } from './simulation-host';

/** A paused session whose replies are collected, as the UI would see them. */
function session() {
  const events: WorkerEvent[] = [];
  const host = new SimulationHost((e) => events.push(e), { seed: 7, startTimeMs: Date.UTC(2025, 0, 1), paused: true });
  let id = 0;
  const reply = (): unknown => {
    const r = events.filter((e): e is Extract<WorkerEvent, { type: 'reply' }> => e.type === 'reply').pop()!;
    if (!r.ok) throw new Error(r.error);
    return r.result;
  };
  return {
    apply(name: string, text: string): ApplyOutput {
      host.handle({ type: 'manifest.apply', id: ++id, file: { name, text } });
      return reply() as ApplyOutput;
    },
    kubectl(line: string): string {
      host.handle({ type: 'kubectl.run', id: ++id, line });
      return (reply() as CommandOutput).output;
    },
  };
}

const TYPO_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('parseFieldPath', () => {
  test('fields, list indexes and bracketed map keys', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(parseFieldPath('spec.ports[1].nodePort')).toEqual(['spec', 'ports', 1, 'nodePort']);
    expect(parseFieldPath('')).toEqual([]);
  });
});

describe('applyProblems through the simulation host', () => {
  test('a strict-decoding unknown field is marked on its line and nothing is created', () => {
    const s = session();
    const out = s.apply('web.yaml', TYPO_DEPLOYMENT);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
    );
    expect(out.problems).toEqual([{ line: 6, column: 3, message: 'unknown field "spec.replica": did you mean "replicas"?', severity: 'error' }]);
    expect(s.kubectl('kubectl get deployments')).toBe('No resources found in default namespace.\n');
  });

  test('Invalid causes land on the field, or on the nearest parent when the field is missing', () => {
    const s = session();
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;
    const out = s.apply('web.yaml', text);
    expect(out.problems).toEqual([
      { line: 5, column: 1, message: 'spec.selector: Required value', severity: 'error' },
      {
        line: 9,
        column: 7,
        message: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
        severity: 'error',
      },
    ]);
  });

  test('an invalid name is marked on metadata.name', () => {
    const s = session();
    const out = s.apply('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\ndata:\n  a: "1"\n');
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ line: 4, column: 3, severity: 'error' });
    expect(out.problems[0]!.message).toMatch(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  test('in a multi-document file each failure is placed in its own document; good documents are applied', () => {
    const s = session();
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: good
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: Bad
---

---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
    targetPortt: 8080
`;
    const out = s.apply('all.yaml', text);
    expect(out.stdout).toBe('configmap/good created\n');
    expect(out.problems.map((p) => [p.line, p.column])).toEqual([
      [11, 3],
      [22, 5],
    ]);
    expect(out.problems[1]!.message).toBe('unknown field "spec.ports[0].targetPortt": did you mean "targetPort"?');
    expect(s.kubectl('kubectl get configmaps good -o name')).toBe('configmap/good\n');
    expect(s.kubectl('kubectl get services svc')).toBe('Error from server (NotFound): services "svc" not found\n');
  });

  test('a mistyped value is marked on its field', () => {
    const s = session();
    const out = s.apply('web.yaml', TYPO_DEPLOYMENT.replace('replica: 3', 'replicas: three'));
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ line: 6, column: 3 });
    expect(out.problems[0]!.message).toMatch(/cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32/);
  });

  test('a missing namespace is marked on metadata.namespace', () => {
    const s = session();
    const out = s.apply('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: nope\nspec:\n  containers:\n  - name: c\n    image: busybox\n');
    expect(out.problems).toEqual([{ line: 5, column: 3, message: 'namespaces "nope" not found', severity: 'error' }]);
  });

  test('an object without a name is marked where its name belongs', () => {
    const s = session();
    const out = s.apply('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\ndata:\n  k: v\n');
    expect(out.exitCode).toBe(1);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ line: 3, column: 1, severity: 'error' });
    expect(out.problems[0]!.message).toMatch(/resource name may not be empty$/);
  });

  test('a YAML syntax error is placed by the decoder', () => {
    const s = session();
    const out = s.apply('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n');
    expect(out.exitCode).toBe(1);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.line).toBe(5);
    expect(out.problems[0]!.message).toMatch(/^error parsing bad\.yaml: /);
  });

  test('an item of a v1 List is found inside the list', () => {
    const s = session();
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: one
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: Two
`;
    const out = s.apply('list.yaml', text);
    expect(out.stdout).toBe('configmap/one created\n');
    expect(out.problems.map((p) => [p.line, p.column])).toEqual([[11, 5]]);
    expect(out.problems[0]!.message).toMatch(/^metadata\.name: Invalid value: "Two"/);
  });

  test('a repeated key is a warning; the apply succeeds', () => {
    const s = session();
    const out = s.apply('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata:\n  a: "1"\n  a: "2"\n');
    expect(out.exitCode).toBe(0);
    expect(out.problems).toEqual([{ line: 7, message: 'key "a" is repeated (first at line 6); the later value replaces the earlier one', severity: 'warning' }]);
  });

  test('applying a corrected file reports no problems and configures the object', () => {
    const s = session();
    s.apply('web.yaml', TYPO_DEPLOYMENT.replace('replica: 3', 'replicas: 3'));
    const out = s.apply('web.yaml', TYPO_DEPLOYMENT.replace('replica: 3', 'replicas: 4'));
    expect(out.stdout).toBe('deployment.apps/web configured\n');
    expect(out.problems).toEqual([]);
  });
});

describe('applyProblems without diagnostics', () => {
  test('falls back to the decoder, then to line 1', () => {
    const [parse] = applyProblems('a: 1\n b: 2\nc: 3\n', 'x.yaml', { stdout: '', stderr: 'error: boom\n', output: '', exitCode: 1 });
    expect(parse).toMatchObject({ line: 2, severity: 'error' });
    expect(parse!.message).toMatch(/^error parsing x\.yaml: /);
    expect(applyProblems('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', 'x.yaml', { stdout: '', stderr: 'error: boom\n', output: '', exitCode: 1 })).toEqual([
      { line: 1, message: 'boom', severity: 'error' },
    ]);
  });
});
