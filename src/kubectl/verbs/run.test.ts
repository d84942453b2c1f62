import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';
import { isValidImageReference } from './run';

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`;

describe('isValidImageReference', () => {
  it('accepts registry/path:tag@digest forms and rejects upper case and bad characters', () => {
    for (const ok of ['nginx', 'nginx:1.14', 'registry.k8s.io/pause:3.10.1', 'localhost:5000/a/b_c', `busybox@sha256:${'a'.repeat(64)}`]) expect(isValidImageReference(ok)).toBe(true);
    for (const bad of ['Nginx', 'nginx:', 'a b', ':tag']) expect(isValidImageReference(bad)).toBe(false);
  });
});

describe('kubectl run', () => {
  it("prints kubectl's dry-run YAML for a bare pod", () => {
    const s = session();
    expect(s.run('kubectl run nginx --image=nginx --dry-run=client -o yaml').output).toBe(POD_YAML);
  });

  it('creates the pod, labelled run=NAME by default', () => {
    const s = session();
    expect(s.run('kubectl run nginx --image=nginx').output).toBe('pod/nginx created\n');
    expect(s.ok('kubectl get pod nginx -o jsonpath={.metadata.labels}')).toBe('{"run":"nginx"}');
    expect(s.run('kubectl run nginx --image=nginx').output).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
  });

  it('puts arguments after -- into args, or into command with --command', () => {
    const s = session();
    expect(s.ok('kubectl run b --image=busybox --restart=Never --dry-run=client -o jsonpath={.spec.containers[0].args} -- sleep 10')).toBe('["sleep","10"]');
    expect(s.ok('kubectl run b --image=busybox --command --dry-run=client -o jsonpath={.spec.containers[0].command} -- sh -c date')).toBe('["sh","-c","date"]');
    const out = s.ok('kubectl run b --image=busybox --restart=OnFailure --env=A=1 --env=B=x=y --labels=app=b,tier=t --port=8080 --dry-run=client -o yaml');
    expect(out).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: b\n    tier: t\n  name: b\nspec:\n  containers:\n  - env:\n    - name: A\n      value: "1"\n    - name: B\n      value: x=y\n    image: busybox\n    name: b\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: OnFailure\nstatus: {}\n',
    );
  });

  it('also creates a Service with --expose, printed first', () => {
    const s = session();
    expect(s.run('kubectl run web --image=nginx --port=80 --expose').output).toBe('service/web created\npod/web created\n');
    expect(s.ok('kubectl get svc web -o jsonpath={.spec.selector}')).toBe('{"run":"web"}');
    const yaml = s.ok('kubectl run web2 --image=nginx --port=80 --expose --dry-run=client -o yaml');
    expect(yaml.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  name: web2\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: web2\nstatus:\n  loadBalancer: {}\n---\n---\napiVersion: v1\nkind: Pod\n')).toBe(true);
  });

  it("reports kubectl's argument errors and refuses to attach", () => {
    const s = session();
    expect(s.run('kubectl run nginx').output).toBe('error: required flag(s) "image" not set\n');
    expect(s.run('kubectl run --image=nginx').output).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect(s.run('kubectl run x --image=Nginx').output).toBe('error: Invalid image name "Nginx": invalid reference format\n');
    expect(s.run('kubectl run x --image=nginx --restart=Sometimes').output).toBe("error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
    expect(s.run('kubectl run x --image=nginx --expose').output).toBe("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
    expect(s.run('kubectl run x --image=nginx -t').output).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect(s.run('kubectl run x --image=nginx --rm').output).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect(s.run('kubectl run x --image=nginx --env=1A=b').output).toBe('error: invalid env: 1A=b\n');
    const attach = s.run('kubectl run -it --rm --image=busybox:1.28 dns-test');
    expect(attach.exitCode).toBe(1);
    expect(attach.output).toContain('not supported');
    expect(s.run('kubectl get pods dns-test').output).toBe('Error from server (NotFound): pods "dns-test" not found\n');
  });
});
