import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';

describe('kubectl patch', () => {
  let s: Session;
  beforeEach(() => {
    s = session({ 'patch.yaml': 'spec:\n  replicas: 4\n' });
    s.ok('kubectl create deployment my-app --image=alpine:3.5');
  });

  it('applies a strategic merge patch by default and reports no change the second time', () => {
    const p = `'{"spec":{"template":{"spec":{"containers":[{"name":"alpine","image":"alpine:3.6"}]}}}}'`;
    expect(s.run(`kubectl patch deployment my-app -p ${p}`).output).toBe('deployment.apps/my-app patched\n');
    expect(s.run(`kubectl patch deployment my-app -p ${p}`).output).toBe('deployment.apps/my-app patched (no change)\n');
    expect(s.ok('kubectl get deploy my-app -o jsonpath={.spec.template.spec.containers[*].image}')).toBe('alpine:3.6');
  });

  it('merges containers by name, adding new ones', () => {
    s.ok(`kubectl patch deployment my-app -p '{"spec":{"template":{"spec":{"containers":[{"name":"alpine","env":[{"name":"DEMO","value":"1"}]}]}}}}'`);
    expect(s.ok('kubectl get deploy my-app -o jsonpath={.spec.template.spec.containers[0].env[0].name}:{.spec.template.spec.containers[0].image}')).toBe('DEMO:alpine:3.5');
  });

  it('applies merge and json patches and YAML from --patch-file', () => {
    expect(s.run(`kubectl patch deploy my-app --type merge -p '{"spec":{"replicas":2}}'`).output).toBe('deployment.apps/my-app patched\n');
    expect(s.run(`kubectl patch deploy my-app --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`).output).toBe('deployment.apps/my-app patched\n');
    expect(s.run('kubectl patch deploy my-app --patch-file=patch.yaml').output).toBe('deployment.apps/my-app patched\n');
    expect(s.ok('kubectl get deploy my-app -o jsonpath={.spec.replicas}')).toBe('4');
  });

  it('records the command with --record', () => {
    const r = s.run(`kubectl patch deployment my-app -p '{"spec":{"replicas":2}}' --record`);
    expect(r.output).toBe('Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/my-app patched\n');
    expect(s.ok("kubectl get deploy my-app -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'")).toBe(`kubectl patch deployment my-app --patch={"spec":{"replicas":2}} --record=true`);
  });

  it('prints dry runs without writing', () => {
    expect(s.run(`kubectl patch deploy my-app -p '{"spec":{"replicas":5}}' --dry-run=client`).output).toBe('deployment.apps/my-app patched (dry run)\n');
    expect(s.run(`kubectl patch deploy my-app -p '{"spec":{"replicas":5}}' --dry-run=server -o jsonpath={.spec.replicas}`).output).toBe('5');
    expect(s.ok('kubectl get deploy my-app -o jsonpath={.spec.replicas}')).toBe('1');
  });

  it('reports validation failures from the apiserver', () => {
    const r = s.run(`kubectl patch deploy my-app --type merge -p '{"spec":{"replicas":-1}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^The Deployment "my-app" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n$/);
  });

  it("reports kubectl's errors", () => {
    expect(s.run('kubectl patch deploy my-app').output).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(s.run(`kubectl patch deploy my-app -p '{}' --patch-file=patch.yaml`).output).toBe('error: cannot specify --patch and --patch-file together\n');
    expect(s.run(`kubectl patch deploy my-app --type=foo -p '{}'`).output).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(s.run(`kubectl patch deploy nope -p '{}'`).output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(s.run(`kubectl patch deploy my-app --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`).output).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    expect(s.run('kubectl patch deploy my-app --patch-file=missing.yaml').output).toBe('error: unable to read patch file: open missing.yaml: no such file or directory\n');
    expect(s.run(`kubectl patch deploy my-app -p '{"spec":'`).output).toBe('error: unable to parse "{\\"spec\\":": yaml: line 1: did not find expected node content\n');
  });
});
