import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n';

describe('kubectl apply -f', () => {
  it('warns once when the live object was created without --save-config, then patches the annotation in', () => {
    const s = session({ 'cm.yaml': CM, 'cm2.yaml': CM.replace('"1"', '"2"') });
    expect(s.run('kubectl create -f cm.yaml').output).toBe('configmap/c created\n');
    const r = s.run('kubectl apply -f cm2.yaml');
    expect(r.stderr).toBe(
      'Warning: resource configmaps/c is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).toBe('configmap/c configured\n');
    expect(r.exitCode).toBe(0);
    expect(s.run('kubectl apply -f cm.yaml').output).toBe('configmap/c configured\n');
    expect(s.run('kubectl create -f cm.yaml -n kube-public --save-config').output).toBe('configmap/c created\n');
    expect(s.run('kubectl apply -f cm2.yaml -n kube-public').output).toBe('configmap/c configured\n');
  });

  it('cannot look up an object without a name (metadata null or missing) and refuses generateName', () => {
    const s = session({
      'null.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\nspec: {}\n',
      'noname.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: kube-public\n',
      'gen.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: c-\n',
    });
    const r = s.run('kubectl apply -f null.yaml');
    expect(r.output).toBe(
      'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "default"\nfrom server for: "null.yaml": resource name may not be empty\n',
    );
    expect(r.exitCode).toBe(1);
    expect(s.run('kubectl apply -f noname.yaml').output).toBe(
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "kube-public"\nfrom server for: "noname.yaml": resource name may not be empty\n',
    );
    expect(s.run('kubectl apply -f gen.yaml').output).toBe('error: from c-: cannot use generate name with apply\n');
  });
});
