import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';
import { parseTaint, parseTaints, taintString } from './taint';

describe('parseTaint', () => {
  it('reads key=value:Effect, key:Effect and key', () => {
    expect(parseTaint('key1=value1:NoSchedule')).toEqual({ key: 'key1', value: 'value1', effect: 'NoSchedule' });
    expect(parseTaint('node-role.kubernetes.io/master:NoSchedule')).toEqual({ key: 'node-role.kubernetes.io/master', value: '', effect: 'NoSchedule' });
    expect(parseTaint('dedicated')).toEqual({ key: 'dedicated', value: '', effect: '' });
  });

  it('rejects unknown effects and malformed specs', () => {
    expect(() => parseTaint('a=b:Sometimes')).toThrow('invalid taint effect: Sometimes, unsupported taint effect');
    expect(() => parseTaint('a=b=c:NoSchedule')).toThrow('invalid taint spec: a=b=c:NoSchedule');
    expect(() => parseTaints(['a=b'])).toThrow('invalid taint spec: a=b');
    expect(() => parseTaints(['a=b:NoSchedule', 'a=c:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a c NoSchedule <nil>}');
  });

  it('prints taints as Taint.ToString does', () => {
    expect(taintString({ key: 'k', value: '', effect: 'NoSchedule' })).toBe('k:NoSchedule');
    expect(taintString({ key: 'k', value: 'v', effect: '' })).toBe('k=v:');
    expect(taintString({ key: 'k', value: '', effect: '' })).toBe('k');
  });
});

describe('kubectl taint', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
  });

  it('taints, refuses a duplicate, overwrites and untaints', () => {
    expect(s.run('kubectl taint nodes kubeplay-worker key1=value1:NoSchedule').output).toBe('node/kubeplay-worker tainted\n');
    expect(s.run('kubectl taint nodes kubeplay-worker key1=value1:NoSchedule').output).toBe('error: node kubeplay-worker already has key1 taint(s) with same effect(s) and --overwrite is false\n');
    expect(s.run('kubectl taint nodes kubeplay-worker key1=value2:NoSchedule --overwrite').output).toBe('node/kubeplay-worker modified\n');
    expect(s.ok('kubectl get node kubeplay-worker -o jsonpath={.spec.taints}')).toBe('[{"effect":"NoSchedule","key":"key1","value":"value2"}]');
    expect(s.run('kubectl taint nodes kubeplay-worker key1=value1:NoSchedule-').output).toBe('node/kubeplay-worker untainted\n');
    expect(s.ok('kubectl get node kubeplay-worker -o jsonpath={.spec.taints}')).toBe('');
  });

  it('removes all effects of a key with key-, and from every node with --all', () => {
    s.ok('kubectl taint node kubeplay-worker special=true:NoSchedule special=true:PreferNoSchedule');
    expect(s.run('kubectl taint node kubeplay-worker special-').output).toBe('node/kubeplay-worker untainted\n');
    expect(s.run('kubectl taint nodes --all node-role.kubernetes.io/control-plane:NoSchedule-').output).toBe(
      'node/kubeplay-control-plane untainted\ntaint "node-role.kubernetes.io/control-plane:NoSchedule" not found\ntaint "node-role.kubernetes.io/control-plane:NoSchedule" not found\n',
    );
  });

  it('reports a missing taint as the only error', () => {
    const r = s.run('kubectl taint nodes kubeplay-worker node-role.kubernetes.io/master-');
    expect(r.output).toBe('error: taint "node-role.kubernetes.io/master" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('prints dry runs without writing', () => {
    expect(s.run('kubectl taint nodes kubeplay-worker a=b:NoExecute --dry-run=client').output).toBe('node/kubeplay-worker tainted (dry run)\n');
    expect(s.ok('kubectl get node kubeplay-worker -o jsonpath={.spec.taints}')).toBe('');
  });

  it("reports kubectl's argument errors", () => {
    expect(s.run('kubectl taint nodes kubeplay-worker').output).toBe('error: at least one taint update is required\n');
    expect(s.run('kubectl taint a=b:NoSchedule').output).toBe('error: one or more resources must be specified as <resource> <name>\n');
    expect(s.run('kubectl taint nodes a=b:NoSchedule').output).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect(s.run('kubectl taint pods web a=b:NoSchedule').output).toBe('error: invalid resource type pods, only node types are supported\n');
    expect(s.run('kubectl taint nodes x a=b:Bad').output).toBe("error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    expect(s.run('kubectl taint nodes x a=b:NoSchedule a:NoSchedule-').output).toBe('error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n');
    expect(s.run('kubectl taint nodes nope a=b:NoSchedule').output).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});
