import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

const VIEW = (server: string, ns = '') => `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: kind-kubeplay
contexts:
- context:
    cluster: kind-kubeplay
${ns ? `    namespace: ${ns}\n` : ''}    user: kind-kubeplay
  name: kind-kubeplay
current-context: kind-kubeplay
kind: Config
users:
- name: kind-kubeplay
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

describe('kubectl config', () => {
  it('views the kind kubeconfig with secrets omitted', () => {
    const s = session();
    expect(s.run('kubectl config view').output).toBe(VIEW('https://127.0.0.1:43731'));
    expect(s.ok('kubectl config view --raw -o jsonpath={.users[0].user.client-key-data}')).not.toBe('DATA+OMITTED');
  });

  it('sets the namespace of the current context, which later commands use', () => {
    const s = session();
    s.ok('kubectl create namespace demo');
    expect(s.ok('kubectl config view --minify -o jsonpath={..namespace}')).toBe('');
    expect(s.run('kubectl config set-context --current --namespace=demo').output).toBe('Context "kind-kubeplay" modified.\n');
    expect(s.ok('kubectl config view --minify -o jsonpath={..namespace}')).toBe('demo');
    expect(s.run('kubectl config view').output).toBe(VIEW('https://127.0.0.1:43731', 'demo'));
    expect(s.run('kubectl get pods').stderr).toBe('No resources found in demo namespace.\n');
  });

  it('lists contexts, creates and switches them', () => {
    const s = session();
    expect(s.run('kubectl config current-context').output).toBe('kind-kubeplay\n');
    expect(s.run('kubectl config get-contexts').output).toBe(
      'CURRENT   NAME            CLUSTER         AUTHINFO        NAMESPACE\n*         kind-kubeplay   kind-kubeplay   kind-kubeplay   \n',
    );
    expect(s.run('kubectl config set-context dev --cluster=kind-kubeplay --user=kind-kubeplay --namespace=kube-system').output).toBe('Context "dev" created.\n');
    expect(s.run('kubectl config use-context dev').output).toBe('Switched to context "dev".\n');
    expect(s.run('kubectl config get-contexts -o name').output).toBe('dev\nkind-kubeplay\n');
    expect(s.ok('kubectl get ds -o name')).toBe('daemonset.apps/kindnet\ndaemonset.apps/kube-proxy\n');
    expect(s.run('kubectl config use-context nope').output).toBe('error: no context exists with the name: "nope"\n');
    expect(s.run('kubectl config set-context').output).toBe('error: you must specify a non-empty context name or --current\n');
    expect(s.run('kubectl config set-context dev --current').output).toBe('error: you cannot specify both a context name and --current\n');
  });
});
