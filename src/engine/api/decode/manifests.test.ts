import { describe, expect, it } from 'vitest';
import { decodeManifests, MAX_REQUEST_BYTES } from './manifests';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
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
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

describe('decodeManifests: objects', () => {
  it('decodes a Deployment as written', () => {
    const [doc, ...rest] = decodeManifests(DEPLOYMENT, 'web.yaml');
    expect(rest).toEqual([]);
    expect(doc).toEqual({
      index: 0,
      line: 1,
      obj: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
          },
        },
      },
    });
  });

  it('splits on --- lines, skips empty documents and keeps going after an unknown kind', () => {
    const text = `# leading comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Foo\nmetadata: {name: b, namespace: x}\n--- # separator with a comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`;
    const docs = decodeManifests(text, 'all.yaml');
    expect(docs.map((d) => d.obj?.metadata.name ?? d.error)).toEqual([
      'a',
      'resource mapping not found for name: "b" namespace: "x" from "all.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
      'c',
    ]);
    expect(docs.map((d) => d.line)).toEqual([3, 9, 12]);
  });

  it('expands a v1 List into its items', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec: {ports: [{port: 80}]}\n`;
    const docs = decodeManifests(text, 'list.yaml');
    expect(docs.map((d) => `${d.obj?.kind}/${d.obj?.metadata.name}@${d.line}`)).toEqual(['ConfigMap/a@4', 'Service/b@7']);
  });

  it('expands a JSON List and reads JSON streams', () => {
    const text = `{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}]}\n{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}}\n`;
    expect(decodeManifests(text, 'l.json').map((d) => `${d.obj?.kind}/${d.obj?.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/s']);
  });

  it('keeps the last of repeated keys, as kubectl does, and says so in warnings', () => {
    // Two Pods without a "---" between them (course material): kubectl v1.34 creates only the second.
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: with-pod-affinity\nspec:\n  containers:\n  - name: a\n    image: x\napiVersion: v1\nkind: Pod\nmetadata:\n  name: security-s1\nspec:\n  containers:\n  - name: b\n    image: y\n`;
    const [doc, ...rest] = decodeManifests(text, 'pods.yaml');
    expect(rest).toEqual([]);
    expect(doc!.obj?.metadata.name).toBe('security-s1');
    expect(doc!.error).toBeUndefined();
    expect(doc!.warnings).toEqual([
      'line 9: key "apiVersion" already set in map (first at line 1); the later value replaces it',
      'line 10: key "kind" already set in map (first at line 2); the later value replaces it',
      'line 11: key "metadata" already set in map (first at line 3); the later value replaces it',
      'line 13: key "spec" already set in map (first at line 5); the later value replaces it',
      'line 9: a second object starts here without a "---" separator; only the last one is used',
    ]);
  });
});

describe('decodeManifests: client-side errors (kubectl wording)', () => {
  it('YAML syntax errors name the file, and go-yaml counts lines from the document start', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n    labels: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`;
    const docs = decodeManifests(text, 'web.yaml');
    // The stream stops at the error: the third document is never read.
    expect(docs).toEqual([
      expect.objectContaining({ index: 0, obj: expect.objectContaining({ kind: 'ConfigMap' }) }),
      {
        index: 1,
        error: 'error parsing web.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
        line: 9,
      },
    ]);
  });

  it('bad indentation, tabs and unclosed quotes', () => {
    const first = (text: string): string | undefined => decodeManifests(text, 'web.yaml')[0]?.error;
    expect(first('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n labels: x\n')).toBe(
      'error parsing web.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
    );
    expect(first('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n')).toBe(
      'error parsing web.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    );
    expect(first('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n')).toBe(
      'error parsing web.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream',
    );
  });

  it('a separator with text after it ends the stream', () => {
    expect(decodeManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- !foo\n', 'web.yaml')).toEqual([
      { index: 0, error: 'error parsing web.yaml: invalid Yaml document separator: !foo', line: 4 },
    ]);
  });

  it('missing apiVersion and kind', () => {
    expect(decodeManifests('metadata:\n  name: web\n', 'web.yaml')[0]).toEqual({
      index: 0,
      line: 1,
      error:
        'error validating "web.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    });
    expect(decodeManifests('apiVersion: v1\nmetadata:\n  name: web\n', 'web.yaml')[0]!.error).toBe(
      'error validating "web.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(decodeManifests('- a\n- b\n', 'web.yaml')[0]!.error).toBe(
      'error validating "web.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('without validation a missing kind fails to decode instead', () => {
    expect(decodeManifests('apiVersion: v1\nmetadata:\n  name: web\n', 'web.yaml', { validate: 'ignore' })[0]!.error).toBe(
      `unable to decode "web.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"web"}}'`,
    );
  });

  it('removed API versions are not mapped', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n';
    expect(decodeManifests(text, 'web.yaml')[0]).toEqual({
      index: 0,
      line: 2,
      error:
        'resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
    });
  });

  it('List items are checked against the schema on the client', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: b}\n  spec:\n    replica: 1\n    replicas: two\n    selector: {}\n    template: {}\n`;
    expect(decodeManifests(text, 'list.yaml')[0]!.error).toBe(
      'error validating "list.yaml": error validating data: [ValidationError(Deployment.spec): unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec, ' +
        'ValidationError(Deployment.spec.replicas): invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: got "string", expected "integer"]; ' +
        'if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('JSON syntax errors carry Go’s byte offset', () => {
    const cm = (name: string): string => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "${name}"}}`;
    // After two good values the stream is JSON for sure: no YAML fallback, the JSON error stands.
    expect(decodeManifests(`${cm('a')}\n${cm('b')}\n{"b" 2}\n`, 'p.json').at(-1)).toEqual({
      index: 2,
      error: `error parsing p.json: json: offset 144: invalid character '2' after object key`,
      line: 3,
    });
    expect(decodeManifests('{"apiVersion": "v1", "kind": "Pod"', 'p.json')[0]!.error).toBe('error parsing p.json: unexpected EOF');
  });
});

describe('decodeManifests: what the apiserver answers (strict field validation)', () => {
  it('unknown fields, joined in the order the server meets them, with hints and lines', () => {
    const text = DEPLOYMENT.replace('  replicas: 3', '  replica: 3').replace('  labels:\n    app: web\nspec', '  lables:\n    app: web\nspec').replace('image: nginx', 'imagee: nginx');
    const [doc] = decodeManifests(text, 'web.yaml');
    expect(doc!.obj?.metadata.name).toBe('web');
    expect(doc!.serverError).toEqual({
      reason: 'BadRequest',
      code: 400,
      kind: 'strict',
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.lables", unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"',
      unknownFields: ['metadata.lables', 'spec.replica', 'spec.template.spec.containers[0].imagee'],
      hints: [
        'unknown field "metadata.lables": did you mean "labels"?',
        'unknown field "spec.replica": did you mean "replicas"?',
        'unknown field "spec.template.spec.containers[0].imagee": did you mean "image"?',
      ],
    });
    expect(doc!.line).toBe(5);
  });

  it('wrong types stop decoding with Go’s unmarshal error', () => {
    const [doc] = decodeManifests(DEPLOYMENT.replace('replicas: 3', 'replicas: "three"'), 'web.yaml');
    expect(doc!.serverError).toEqual({
      reason: 'BadRequest',
      code: 400,
      kind: 'type',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      fieldPath: 'spec.replicas',
    });
    expect(doc!.line).toBe(8);
  });

  it('YAML 1.1 booleans in labels are booleans, which labels refuse', () => {
    const [doc] = decodeManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    enabled: yes\n', 'p.yaml');
    expect(doc!.serverError?.message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string');
  });

  it('with --validate=warn unknown fields become warnings', () => {
    const [doc] = decodeManifests(DEPLOYMENT.replace('  replicas: 3', '  replica: 3'), 'web.yaml', { validate: 'warn' });
    expect(doc!.serverError).toBeUndefined();
    expect(doc!.warnings).toEqual(['unknown field "spec.replica"']);
  });

  it('with --validate=false unknown fields are dropped silently', () => {
    const [doc] = decodeManifests(DEPLOYMENT.replace('  replicas: 3', '  replica: 3'), 'web.yaml', { validate: 'ignore' });
    expect(doc!.serverError).toBeUndefined();
    expect(doc!.warnings).toBeUndefined();
  });
});

describe('decodeManifests: limits', () => {
  it('refuses text over the apiserver request limit', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: "${'x'.repeat(MAX_REQUEST_BYTES)}"\n`;
    expect(decodeManifests(big, 'big.yaml')).toEqual([
      {
        index: 0,
        line: 1,
        serverError: { reason: 'RequestEntityTooLarge', code: 413, kind: 'too-large', message: 'Request entity too large: limit is 3145728' },
      },
    ]);
  });

  it('does not pollute prototypes through manifest keys', () => {
    const docs = decodeManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  __proto__: {polluted: true}\ndata:\n  constructor: x\n', 'a.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(docs[0]!.serverError?.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.__proto__"');
  });
});
