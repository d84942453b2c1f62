import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';
import { labelOperation, parseLabelArgs } from './label';

describe('parseLabelArgs', () => {
  it('splits values to set from keys to remove', () => {
    const c = parseLabelArgs(['app=web', 'tier-']);
    expect([...c.set]).toEqual([['app', 'web']]);
    expect(c.remove).toEqual(['tier']);
  });

  it('rejects a spec with two equals signs, an invalid value, and a key both set and removed', () => {
    expect(() => parseLabelArgs(['a=b=c'])).toThrow('error: invalid label spec: a=b=c');
    expect(() => parseLabelArgs(['a=-x'])).toThrow(
      `error: invalid label value: "a=-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(() => parseLabelArgs(['a=b', 'a-'])).toThrow('error: can not both modify and remove a label in the same command');
  });
});

describe('labelOperation', () => {
  it('reports labeled, unlabeled (shorter without --overwrite) and not labeled', () => {
    expect(labelOperation('{"a":1}', '{"a":1}', false)).toBe('not labeled');
    expect(labelOperation('{"a":1,"b":2}', '{"a":1}', false)).toBe('unlabeled');
    expect(labelOperation('{"a":1,"b":2}', '{"a":1}', true)).toBe('labeled');
    expect(labelOperation('{"a":1}', '{"a":12}', false)).toBe('labeled');
  });
});

describe('kubectl label', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
    s.ok('kubectl create deployment web --image=nginx');
  });

  it('adds, refuses to overwrite, overwrites and removes a label', () => {
    expect(s.run('kubectl label deploy web team=a').output).toBe('deployment.apps/web labeled\n');
    const refused = s.run('kubectl label deploy web team=b');
    expect(refused.output).toBe("error: 'team' already has a value (a), and --overwrite is false\n");
    expect(refused.exitCode).toBe(1);
    expect(s.run('kubectl label deploy web team=b --overwrite').output).toBe('deployment.apps/web labeled\n');
    expect(s.run('kubectl get deploy web -o jsonpath={.metadata.labels.team}').stdout).toBe('b');
    expect(s.run('kubectl label deploy/web team-').output).toBe('deployment.apps/web unlabeled\n');
  });

  it('reports a missing key on removal, then "not labeled"', () => {
    const r = s.run('kubectl label nodes kubeplay-worker team-');
    expect(r.output).toBe('label "team" not found.\nnode/kubeplay-worker not labeled\n');
    expect(r.exitCode).toBe(0);
  });

  it('setting the same value again changes nothing', () => {
    s.ok('kubectl label nodes kubeplay-worker disktype=ssd');
    expect(s.run('kubectl label nodes kubeplay-worker disktype=ssd').output).toBe('node/kubeplay-worker not labeled\n');
  });

  it('labels every object of a type with --all and selects with -l', () => {
    s.ok('kubectl create deployment api --image=nginx');
    expect(s.run('kubectl label deploy --all tier=backend').output).toBe('deployment.apps/api labeled\ndeployment.apps/web labeled\n');
    expect(s.run('kubectl label deploy -l app=api owner=me').output).toBe('deployment.apps/api labeled\n');
    expect(s.run('kubectl label deploy -l app=none owner=me').output).toBe('');
  });

  it('goes on after a missing object and reports it last', () => {
    const r = s.run('kubectl label deploy nope web team=x');
    expect(r.output).toBe('deployment.apps/web labeled\nError from server (NotFound): deployments.apps "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('lists labels of one object, and of several with a heading each', () => {
    s.ok('kubectl label deploy web team=a');
    expect(s.run('kubectl label deploy web --list').output).toBe('app=web\nteam=a\n');
    expect(s.run('kubectl label nodes kubeplay-worker kubeplay-worker2 --list').stdout).toContain('Listing labels for Node./kubeplay-worker:\n beta.kubernetes.io/arch=amd64\n');
  });

  it('honours --resource-version as a precondition', () => {
    const r = s.run('kubectl label deploy web team=a --resource-version=1');
    expect(r.output).toBe('Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n');
    expect(s.run('kubectl label deploy --all team=a --resource-version=1').output).toBe('error: --resource-version may only be used with a single resource\n');
  });

  it('prints dry runs without writing', () => {
    expect(s.run('kubectl label deploy web team=a --dry-run=client').output).toBe('deployment.apps/web labeled (dry run)\n');
    expect(s.run('kubectl label deploy web team=a --dry-run=server').output).toBe('deployment.apps/web labeled (server dry run)\n');
    expect(s.run('kubectl get deploy web -o jsonpath={.metadata.labels}').stdout).toBe('{"app":"web"}');
  });

  it("reports kubectl's argument errors", () => {
    expect(s.run('kubectl label deploy web').output).toBe('error: at least one label update is required\n');
    expect(s.run('kubectl label team=a').output).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(s.run('kubectl label deploy team=a web').output).toBe('error: all resources must be specified before label changes: web\n');
    expect(s.run('kubectl label deploy web --list -o yaml').output).toBe('error: --list and --output may not be specified together\n');
    expect(s.run('kubectl label deploy --all -l a=b x=y').output).toBe('error: cannot set --all and --selector at the same time\n');
    expect(s.run('kubectl label deploy x=y').output).toBe('error: resource(s) were provided, but no name was specified\n');
  });
});
