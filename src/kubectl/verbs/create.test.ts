import { describe, expect, it } from 'vitest';
import * as engine from '../../engine';
import { session } from './support/testing/harness';
import { typedLastAppliedConfiguration, updateLastApplied } from './create';
import { base64String } from './generators/bytes';

const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.14
        name: nginx
        resources: {}
status: {}
`;

describe('kubectl create deployment', () => {
  it('prints the v1.34 dry-run YAML (no creationTimestamp: null) and warns about bare --dry-run', () => {
    const s = session();
    const r = s.run('kubectl create deployment web --image=nginx:1.14 --dry-run -o yaml');
    expect(r.stdout).toBe(DEPLOYMENT_YAML);
    expect(r.stderr).toBe('W0115 09:01:00.010000   12345 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n');
    expect(s.run('kubectl create deployment web --image=nginx:1.14 --dry-run=client -o yaml').output).toBe(DEPLOYMENT_YAML);
    expect(s.run('kubectl get deploy').stderr).toBe('No resources found in default namespace.\n');
  });

  it('writes the namespace only when -n is given, and ports, replicas and a command', () => {
    const s = session();
    const out = s.ok('kubectl create deploy web -n kube-public --image=busybox --replicas=3 --port=8080 --dry-run=client -o yaml -- sleep 3600');
    expect(out).toContain('  name: web\n  namespace: kube-public\n');
    expect(out).toContain('  replicas: 3\n');
    expect(out).toContain('      - command:\n        - sleep\n        - "3600"\n        image: busybox\n        name: busybox\n        ports:\n        - containerPort: 8080\n        resources: {}\n');
  });

  it('creates, then reports AlreadyExists as kubectl does', () => {
    const s = session();
    expect(s.run('kubectl create deployment web --image=nginx:1.14').output).toBe('deployment.apps/web created\n');
    const again = s.run('kubectl create deployment web --image=nginx:1.14');
    expect(again.output).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect(again.exitCode).toBe(1);
  });

  it('names containers after their images, one per --image', () => {
    const s = session();
    const out = s.ok('kubectl create deployment multi --image=busybox:latest --image=nginx,redis --dry-run=client -o jsonpath={.spec.template.spec.containers[*].name}');
    expect(out).toBe('busybox nginx redis');
  });

  it('reports the apiserver strict decoding error for unknown fields, even when the name is missing too', () => {
    // Indentation with no-break spaces (U+00A0) turns every nested line into an unknown top-level key.
    const s = session({
      'nbsp.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n\u00a0 name: web\nspec:\n\u00a0 replicas: 3\n',
      'typo.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {a: b}\nmetadata2: {}\n',
    });
    const r = s.run('kubectl create -f nbsp.yaml');
    expect(r.output).toBe(
      'Error from server (BadRequest): error when creating "nbsp.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "\\u00a0 name", unknown field "\\u00a0 replicas"\n',
    );
    expect(r.exitCode).toBe(1);
    expect(s.run('kubectl create -f typo.yaml').output).toBe(
      'Error from server (BadRequest): error when creating "typo.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata2"\n',
    );
    expect(s.run('kubectl get cm c').stderr).toBe('Error from server (NotFound): configmaps "c" not found\n');
    // A client-side dry run never reaches the server.
    expect(s.run('kubectl create -f typo.yaml --dry-run=client').output).toBe('configmap/c created (dry run)\n');
  });

  it("reports kubectl's argument errors", () => {
    const s = session();
    expect(s.run('kubectl create deployment web').output).toBe('error: required flag(s) "image" not set\n');
    expect(s.run('kubectl create deployment --image=nginx').output).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
    expect(s.run('kubectl create deployment web --image=a --image=b -- sleep 1').output).toBe('error: cannot specify multiple --image options and command\n');
    expect(s.run('kubectl create deployment web --image=nginx --dry-run=maybe').output).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(s.run('kubectl create deployment web --image=nginx -o wide').output).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });

  it('saves the last-applied configuration with --save-config', () => {
    const s = session();
    s.ok('kubectl create deployment web --image=nginx --save-config');
    expect(s.ok("kubectl get deploy web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'")).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}\n',
    );
  });
});

describe('last-applied configuration', () => {
  it('keeps the struct order of generated objects and drops an empty annotations map, escaping as Go does', () => {
    const obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { k: '<&>' } };
    expect(typedLastAppliedConfiguration(obj)).toBe('{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"},"data":{"k":"\\u003c\\u0026\\u003e"}}\n');
  });

  it('encodes manifest objects with sorted keys and an empty annotations map', () => {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { k: 'v' } };
    updateLastApplied(obj, true, true);
    expect(obj.metadata).toEqual({
      name: 'c',
      namespace: 'default',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n' },
    });
  });
});

describe('kubectl create <generator>', () => {
  it('namespace', () => {
    const s = session();
    expect(s.run('kubectl create namespace demo --dry-run=client -o yaml').output).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nspec: {}\nstatus: {}\n');
    expect(s.run('kubectl create ns demo').output).toBe('namespace/demo created\n');
    expect(s.run('kubectl create namespace demo').output).toBe('Error from server (AlreadyExists): namespaces "demo" already exists\n');
  });

  it('service clusterip, nodeport and a headless one', () => {
    const s = session();
    expect(s.run('kubectl create service clusterip my-svc --tcp=5678:8080 --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: my-svc\n  name: my-svc\nspec:\n  ports:\n  - name: 5678-8080\n    port: 5678\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: my-svc\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    );
    expect(s.ok('kubectl create svc nodeport np --tcp=80:80 --node-port=30080 --dry-run=client -o jsonpath={.spec.ports[0].nodePort}')).toBe('30080');
    expect(s.ok('kubectl create service clusterip headless --clusterip=None --dry-run=client -o jsonpath={.spec.clusterIP}')).toBe('None');
    expect(s.run('kubectl create service clusterip x').output).toBe('error: at least one tcp port specifier must be provided\n');
    expect(s.run('kubectl create service nodeport x --clusterip=None --tcp=80').output).toBe("error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n");
    expect(s.run('kubectl create service clusterip x --tcp=abc').output).toBe('error: strconv.ParseUint: parsing "abc": invalid syntax\n');
    expect(s.run('kubectl create service externalname ext').output).toBe('error: required flag(s) "external-name" not set\n');
    expect(s.run('kubectl create service clusterip web --tcp=80').output).toBe('service/web created\n');
  });

  it('configmap from literals, files, directories and env files', () => {
    const s = session({ 'redis.properties': 'maxmemory 2mb\n', 'conf/a.txt': 'A', 'conf/b.txt': 'B', 'app.env': '# comment\nMODE=prod\nEMPTY\n' });
    expect(s.run('kubectl create configmap cm --from-literal=a=1 --from-literal=b=x=y --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: x=y\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    );
    expect(s.ok('kubectl create configmap redis-config --from-file=redis.properties --dry-run=client -o yaml')).toContain('data:\n  redis.properties: |\n    maxmemory 2mb\n');
    expect(s.ok('kubectl create cm d --from-file=conf --dry-run=client -o jsonpath={.data}')).toBe('{"a.txt":"A","b.txt":"B"}');
    expect(s.ok('kubectl create cm e --from-env-file=app.env --dry-run=client -o jsonpath={.data}')).toBe('{"EMPTY":"","MODE":"prod"}');
    expect(s.run('kubectl create cm f --from-file=missing.txt').output).toBe('error: error reading missing.txt: no such file or directory\n');
    expect(s.run('kubectl create cm g --from-literal=a=1 --from-literal=a=2').output).toBe('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "g"\n');
    expect(s.run('kubectl create configmap redis-config --from-file=redis.properties').output).toBe('configmap/redis-config created\n');
  });

  it('secret generic, docker-registry and tls', () => {
    const s = session({ 'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' });
    expect(s.run('kubectl create secret generic db --from-literal=username=admin --from-literal=password=s3cr3t --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\ndata:\n  password: czNjcjN0\n  username: YWRtaW4=\nkind: Secret\nmetadata:\n  name: db\n',
    );
    expect(s.ok("kubectl create secret docker-registry regcred --docker-server=reg.example.com --docker-username=u --docker-password=p --docker-email=u@example.com --dry-run=client -o jsonpath='{.data.\\.dockerconfigjson}'")).toBe(
      'eyJhdXRocyI6eyJyZWcuZXhhbXBsZS5jb20iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiZW1haWwiOiJ1QGV4YW1wbGUuY29tIiwiYXV0aCI6ImRUcHcifX19',
    );
    expect(s.ok('kubectl create secret tls t --cert=tls.crt --key=tls.key --dry-run=client -o jsonpath={.type}')).toBe('kubernetes.io/tls');
    expect(s.run('kubectl create secret docker-registry r').output).toBe('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n');
    expect(s.run('kubectl create secret generic db --from-literal=a=b').output).toBe('secret/db created\n');
    expect(s.run('kubectl create secret generic db --from-literal=a=b').output).toBe('error: failed to create secret secrets "db" already exists\n');
  });

  it('builds the 144-byte .dockerconfigjson of the course material, with -n before the secret type', () => {
    const s = session({ './db_secret.txt': 'username=devuserpassword=S!B\\*d$zDsb=' });
    s.ok('kubectl create ns demo');
    expect(
      s.run('kubectl create secret -n demo docker-registry regcred --docker-server=yourprivateregistry.com --docker-username=allen --docker-password=mypassw0rd --docker-email=allen@example.com').output,
    ).toBe('secret/regcred created\n');
    const data = s.ok(`kubectl get secret regcred -n demo --output="jsonpath={.data.\\.dockerconfigjson}"`);
    const json = '{"auths":{"yourprivateregistry.com":{"username":"allen","password":"mypassw0rd","email":"allen@example.com","auth":"YWxsZW46bXlwYXNzdzByZA=="}}}';
    expect(json).toHaveLength(144);
    expect(data).toBe(base64String(json));
    // --from-file makes one key named after the file, whatever the file holds.
    expect(s.ok("kubectl create secret generic dev-db-secret -n demo --from-file=./db_secret.txt --dry-run=client -o jsonpath='{.data}'")).toBe(
      `{"db_secret.txt":"${base64String('username=devuserpassword=S!B\\*d$zDsb=')}"}`,
    );
  });

  it('job, job from a cronjob, and cronjob', () => {
    const s = session();
    expect(s.run('kubectl create job echo1 --image=busybox --dry-run=client -o yaml -- echo hello').output).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: echo1\nspec:\n  template:\n    metadata: {}\n    spec:\n      containers:\n      - command:\n        - echo\n        - hello\n        image: busybox\n        name: echo1\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
    expect(s.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- date").output).toBe('cronjob.batch/hello created\n');
    const fromCron = s.ok('kubectl create job manual --from=cronjob/hello --dry-run=client -o yaml');
    expect(fromCron).toContain('  annotations:\n    cronjob.kubernetes.io/instantiate: manual\n');
    expect(fromCron).toContain('  - apiVersion: batch/v1\n    controller: true\n    kind: CronJob\n    name: hello\n');
    expect(s.run('kubectl create job j --from=cronjob/nope').output).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
    expect(s.run('kubectl create job j').output).toBe('error: either --image or --from must be specified\n');
    expect(s.run('kubectl create cronjob c --image=busybox').output).toBe('error: required flag(s) "schedule" not set\n');
  });

  it('serviceaccount, priorityclass and quota', () => {
    const s = session();
    expect(s.run('kubectl create sa robot --dry-run=client -o yaml').output).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n');
    expect(s.run('kubectl create priorityclass high --value=1000 --description="high priority" --dry-run=client -o yaml').output).toBe(
      'apiVersion: scheduling.k8s.io/v1\ndescription: high priority\nkind: PriorityClass\nmetadata:\n  name: high\npreemptionPolicy: PreemptLowerPriority\nvalue: 1000\n',
    );
    expect(s.run('kubectl create quota q --hard=cpu=1,memory=1024Mi,count/jobs.batch=1 --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    count/jobs.batch: "1"\n    cpu: "1"\n    memory: 1Gi\nstatus: {}\n',
    );
    expect(s.run('kubectl create quota q --hard=cpu').output).toBe('error: Invalid argument syntax cpu, expected <resource>=<value>\n');
  });

  it('prints several objects with -o yaml separated by ---', () => {
    const s = session();
    const r = s.run('kubectl create ns a -o name');
    expect(r.output).toBe('namespace/a\n');
  });
});

const hasDecoder = 'decodeManifests' in engine;

describe.skipIf(!hasDecoder)('kubectl create -f', () => {
  const files = {
    'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
  };

  it('creates every document, then reports AlreadyExists per document and exits 1', () => {
    const s = session(files);
    expect(s.run('kubectl create -f web.yaml').output).toBe('deployment.apps/web created\nservice/web created\n');
    const again = s.run('kubectl create -f web.yaml');
    expect(again.output).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\nError from server (AlreadyExists): error when creating "web.yaml": services "web" already exists\n',
    );
    expect(again.exitCode).toBe(1);
  });

  it('dry-runs and prints YAML documents separated by ---', () => {
    const s = session(files);
    const out = s.ok('kubectl create -f web.yaml --dry-run=client -o yaml');
    expect(out.split('---\n')).toHaveLength(2);
    expect(s.run('kubectl create -f web.yaml --dry-run=server').output).toBe('deployment.apps/web created (server dry run)\nservice/web created (server dry run)\n');
    expect(s.run('kubectl get deploy,svc -l app=web').stderr).toBe('No resources found in default namespace.\n');
  });

  it('saves the configuration, records the command and prints names', () => {
    const s = session(files);
    const r = s.run('kubectl create -f web.yaml --save-config --record -o name');
    expect(r.output).toBe('Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/web\nservice/web\n');
    expect(s.ok("kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'")).toBe('kubectl create --filename=web.yaml --save-config=true --record=true --output=name');
    // The configuration is saved before the change cause is recorded, as RunCreate does.
    const saved = s.ok("kubectl get svc web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'");
    expect(saved).toBe('{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n');
  });

  it('refuses objects of another namespace than the one given with -n', () => {
    const s = session({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-public\n' });
    expect(s.run('kubectl create -f cm.yaml -n default').output).toBe(
      `error: the namespace from the provided object "kube-public" does not match the namespace "default". You must pass '--namespace=kube-public' to perform this operation.\n`,
    );
    expect(s.run('kubectl create -f cm.yaml').output).toBe('configmap/c created\n');
  });

  it("reports kubectl's argument errors", () => {
    const s = session(files);
    expect(s.run('kubectl create').output).toBe('error: must specify one of -f and -k\n');
    expect(s.run('kubectl create -f nope.yaml').output).toBe('error: the path "nope.yaml" does not exist\n');
    expect(s.run('kubectl create foo').output).toBe("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n");
  });
});
