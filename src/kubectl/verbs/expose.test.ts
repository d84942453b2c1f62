import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';

describe('kubectl expose', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
    s.ok('kubectl create deployment web --image=nginx --port=80');
  });

  it('prints the NodePort Service of the course material (v1.34: no creationTimestamp)', () => {
    expect(s.run('kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('takes the port from the containers and the selector from the Deployment', () => {
    expect(s.run('kubectl expose deployment web').output).toBe('service/web exposed\n');
    expect(s.ok('kubectl get svc web -o jsonpath={.spec.ports[0].port}/{.spec.ports[0].targetPort}/{.spec.selector.app}')).toBe('80/80/web');
  });

  it('names the Service with --name and exposes a Service again', () => {
    s.ok('kubectl expose deployment web');
    expect(s.run('kubectl expose service web --name=web2 --port=443 --target-port=8443 --protocol=TCP').output).toBe('service/web2 exposed\n');
    expect(s.run('kubectl expose deploy web').output).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });

  it('exposes a pod by its labels, and names multiple ports', () => {
    s.ok('kubectl run p --image=nginx --port=80');
    expect(s.ok('kubectl expose pod p --dry-run=client -o jsonpath={.spec.selector}')).toBe('{"run":"p"}');
    s.ok(`kubectl patch deploy web --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/ports/-","value":{"containerPort":443,"protocol":"UDP"}}]'`);
    expect(s.ok('kubectl expose deploy web --dry-run=client -o jsonpath={.spec.ports}')).toBe(
      '[{"name":"port-1","port":80,"protocol":"TCP","targetPort":80},{"name":"port-2","port":443,"protocol":"UDP","targetPort":443}]',
    );
  });

  it("reports kubectl's errors", () => {
    s.ok('kubectl create deployment noport --image=nginx');
    expect(s.run('kubectl expose deployment noport').output).toBe("error: couldn't find port via --port flag or introspection\n");
    s.ok('kubectl create cm c');
    expect(s.run('kubectl expose configmap c --port=80').output).toBe('error: cannot expose a ConfigMap\n');
    expect(s.run('kubectl expose deployment nope --port=80').output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(s.run('kubectl expose').output).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  });
});
