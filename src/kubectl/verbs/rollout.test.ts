import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';

const DEPLOY_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
      - name: nginx
        image: nginx:1.14.2
`;

const DS_YAML = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: nginx:1.14.2
`;

const lastLine = (text: string) => text.trimEnd().split('\n').pop();
const images = (s: Session) => s.ok("kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'").trim().split(' ').sort();

describe('kubectl rollout (arguments)', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
  });

  it('needs a resource, and reports missing objects as the apiserver does', () => {
    for (const sub of ['status', 'history', 'undo', 'pause', 'resume', 'restart']) {
      expect(s.run(`kubectl rollout ${sub}`)).toMatchObject({ output: 'error: required resource not specified\n', exitCode: 1 });
      expect(s.run(`kubectl rollout ${sub} deployment/nope`)).toMatchObject({ output: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    }
  });

  it('validates its flags', () => {
    expect(s.run('kubectl rollout status deploy/web --revision=-1').output).toBe('error: revision must be a positive integer: -1\n');
    expect(s.run('kubectl rollout status deploy/web --timeout=abc').output).toBe('error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl rollout status --help\' for usage.\n');
    expect(s.run('kubectl rollout history deploy/web --revision=-2').output).toBe('error: revision must be a positive integer: -2\n');
  });

  it('lists its sub-commands and rejects unknown ones', () => {
    const help = s.run('kubectl rollout');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('  status    Show the status of the rollout\n');
    expect(s.run('kubectl rollout nope').output).toBe('error: unknown command "nope" for "kubectl rollout"\n');
  });

  it('says when a selector matches nothing', () => {
    expect(s.run('kubectl rollout status deployment -l app=none')).toMatchObject({ stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(s.run('kubectl rollout restart deployment -l app=none')).toMatchObject({ stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl rollout with a Deployment', () => {
  let s: Session;
  beforeEach(() => {
    s = session({ 'web.yaml': DEPLOY_YAML });
    s.ok('kubectl apply -f web.yaml');
  });

  it('follows a rollout until it is done', () => {
    const r = s.run('kubectl rollout status deployment/web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('Waiting for deployment spec update to be observed...\n')).toBe(true);
    expect(r.stdout).toContain('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    expect(lastLine(r.stdout)).toBe('deployment "web" successfully rolled out');
    // Done already: one line.
    expect(s.run('kubectl rollout status deploy web').output).toBe('deployment "web" successfully rolled out\n');
    s.ok('kubectl set image deploy/web nginx=nginx:1.16.1');
    const update = s.run('kubectl rollout status deploy/web').stdout;
    for (const line of [
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    ]) {
      expect(update).toContain(`${line}\n`);
    }
    expect(lastLine(update)).toBe('deployment "web" successfully rolled out');
    s.cluster.advance(40_000);
    expect(images(s)).toEqual(['nginx:1.16.1', 'nginx:1.16.1', 'nginx:1.16.1']);
  });

  it('prints one status with --watch=false and stops at --timeout', () => {
    expect(s.run('kubectl rollout status deploy/web --watch=false')).toMatchObject({ output: 'Waiting for deployment spec update to be observed...\n', exitCode: 0 });
    s.cluster.advance(30_000);
    s.ok('kubectl set image deploy/web nginx=nginx:1.91');
    const start = s.cluster.nowMs;
    const r = s.run('kubectl rollout status deploy/web --timeout=20s');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(lastLine(r.stdout)).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(s.cluster.nowMs - start).toBe(20_000);
    expect(s.run('kubectl rollout status deploy/web --revision=9').output).toBe('error: desired revision (9) is different from the running revision (2)\n');
  });

  it('ends with the progress-deadline error when a bad image stalls the rollout', () => {
    s.cluster.advance(30_000);
    s.ok(`kubectl patch deploy web -p '{"spec":{"progressDeadlineSeconds":30}}'`);
    s.ok('kubectl set image deploy/web nginx=nginx:1.91');
    const r = s.run('kubectl rollout status deploy/web');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    const pods = s.ok('kubectl get pods --no-headers').trim().split('\n');
    expect(pods.filter((l) => / 1\/1 +Running /.test(l))).toHaveLength(3);
    expect(pods.filter((l) => /0\/1 +(ErrImagePull|ImagePullBackOff) /.test(l))).toHaveLength(1);
  });

  it('keeps a history whose change causes come from --record, apply --record and annotate', () => {
    s.cluster.advance(30_000);
    expect(s.run('kubectl rollout history deployment/web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    s.run('kubectl set image deployment/web nginx=nginx:1.16.1 --record');
    s.cluster.advance(30_000);
    s.run('kubectl apply -f web.yaml --record');
    s.cluster.advance(30_000);
    s.ok('kubectl annotate deploy web kubernetes.io/change-cause=by-hand --overwrite');
    s.cluster.advance(1_000);
    expect(s.run('kubectl rollout history deployment/web').output).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         kubectl set image deployment/web nginx=nginx:1.16.1 --record=true\n3         by-hand\n\n',
    );
    expect(s.run('kubectl rollout history deployment/web --revision=2').output).toBe(
      'deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=' +
        s.ok("kubectl get rs -l app=web -o jsonpath='{.items[?(@.spec.template.spec.containers[0].image==\"nginx:1.16.1\")].metadata.labels.pod-template-hash}'") +
        '\n  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.16.1 --record=true\n  Containers:\n   nginx:\n    Image:\tnginx:1.16.1\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
    expect(s.run('kubectl rollout history deployment/web --revision=7').output).toBe('error: unable to find the specified revision\n');
    expect(s.ok('kubectl rollout history deployment/web -o name').trim().split('\n')).toHaveLength(2);
    expect(s.ok('kubectl rollout history deployment/web --revision=2 -o name')).toMatch(/^replicaset\.apps\/web-[a-z0-9]+\n$/);
  });

  it('undoes to the previous revision, which the reused ReplicaSet takes as the next number', () => {
    s.cluster.advance(30_000);
    s.ok('kubectl set image deployment/web nginx=nginx:1.16.1');
    s.cluster.advance(30_000);
    expect(s.run('kubectl rollout undo deployment/web')).toMatchObject({ output: 'deployment.apps/web rolled back\n', exitCode: 0 });
    s.cluster.advance(30_000);
    expect(images(s)).toEqual(['nginx:1.14.2', 'nginx:1.14.2', 'nginx:1.14.2']);
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(s.run('kubectl rollout undo deployment/web --to-revision=3').output).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(s.run('kubectl rollout undo deployment/web --to-revision=5')).toMatchObject({ output: 'error: unable to find specified revision 5 in history\n', exitCode: 1 });
    // A client dry run shows the template it would restore and changes nothing.
    const dry = s.run('kubectl rollout undo deployment/web --to-revision=2 --dry-run=client').output;
    expect(dry.startsWith('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=')).toBe(true);
    expect(dry).toContain('    Image:\tnginx:1.16.1\n');
    expect(dry.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(s.run('kubectl rollout undo deployment/web --to-revision=2 --dry-run=server').output).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect(s.ok('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.14.2');
    // The pod-template-hash label is not copied back into the Deployment.
    s.ok('kubectl rollout undo deployment/web --to-revision=2');
    expect(s.ok('kubectl get deploy web -o jsonpath={.spec.template.metadata.labels}')).toBe('{"app":"web"}');
  });

  it('has nothing to undo to with a single revision', () => {
    expect(s.run('kubectl rollout undo deployment/web').output).toBe('error: no rollout history found for deployment "web"\n');
  });

  it('pauses, accumulates changes into one rollout, and resumes', () => {
    s.cluster.advance(30_000);
    s.ok('kubectl set image deployment/web nginx=nginx:1.15');
    s.cluster.advance(30_000);
    expect(s.run('kubectl rollout pause deployment/web').output).toBe('deployment.apps/web paused\n');
    expect(s.run('kubectl rollout pause deployment/web')).toMatchObject({ output: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    s.ok('kubectl set image deployment/web nginx=nginx:1.16.1');
    s.ok('kubectl set env deployment/web MODE=blue');
    s.cluster.advance(20_000);
    expect(s.ok('kubectl get rs --no-headers').trim().split('\n')).toHaveLength(2);
    expect(s.run('kubectl rollout undo deployment/web').output).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(s.run('kubectl rollout restart deployment/web').output).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(s.run('kubectl rollout resume deployment/web').output).toBe('deployment.apps/web resumed\n');
    expect(s.run('kubectl rollout resume deployment/web').output).toBe('error: deployments.apps "web" is not paused\n');
    s.cluster.advance(60_000);
    expect(s.ok('kubectl get rs --no-headers').trim().split('\n')).toHaveLength(3);
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n');
  });

  it('restarts by stamping the pod template, once per second', () => {
    s.cluster.advance(30_000);
    const before = s.ok("kubectl get pods -o jsonpath='{.items[*].metadata.name}'");
    expect(s.run('kubectl rollout restart deployment/web').output).toBe('deployment.apps/web restarted\n');
    expect(s.run('kubectl rollout restart deployment/web').output).toBe('error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n');
    expect(s.ok("kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}'")).toBe('{"kubectl.kubernetes.io/restartedAt":"2026-01-15T09:01:30Z"}');
    expect(lastLine(s.run('kubectl rollout status deployment/web').stdout)).toBe('deployment "web" successfully rolled out');
    s.cluster.advance(40_000);
    const after = s.ok("kubectl get pods -o jsonpath='{.items[*].metadata.name}'");
    expect(after.split(' ').some((n) => before.includes(n))).toBe(false);
  });

  it('refuses kinds it cannot handle with kubectl\'s messages', () => {
    s.cluster.advance(30_000);
    const rs = s.ok("kubectl get rs -o jsonpath='{.items[0].metadata.name}'");
    expect(s.run(`kubectl rollout status rs/${rs}`).output).toBe('error: no status viewer has been implemented for ReplicaSet.apps\n');
    expect(s.run(`kubectl rollout history rs/${rs}`).output).toBe('error: no history viewer has been implemented for "ReplicaSet.apps"\n');
    expect(s.run(`kubectl rollout undo rs/${rs}`).output).toBe('error: no rollbacker has been implemented for "ReplicaSet.apps"\n');
    expect(s.run(`kubectl rollout pause rs/${rs}`).output).toBe(`error: replicasets.apps "${rs}" pausing is not supported\n`);
  });
});

describe('kubectl rollout with a DaemonSet', () => {
  let s: Session;
  beforeEach(() => {
    s = session({ 'ds.yaml': DS_YAML });
    s.ok('kubectl apply -f ds.yaml');
  });

  it('follows, lists and undoes revisions through ControllerRevisions', () => {
    expect(lastLine(s.run('kubectl rollout status ds/agent').stdout)).toBe('daemon set "agent" successfully rolled out');
    s.run('kubectl set image ds/agent agent=nginx:1.16.1 --record');
    const update = s.run('kubectl rollout status ds/agent').stdout;
    expect(update).toContain('Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...\n');
    expect(lastLine(update)).toBe('daemon set "agent" successfully rolled out');
    expect(s.run('kubectl rollout history daemonset/agent').output).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image ds/agent agent=nginx:1.16.1 --record=true\n\n',
    );
    expect(s.run('kubectl rollout history daemonset/agent --revision=1').output).toContain('    Image:\tnginx:1.14.2\n');
    expect(s.run('kubectl rollout undo daemonset/agent --to-revision=1').output).toBe('daemonset.apps/agent rolled back\n');
    expect(lastLine(s.run('kubectl rollout status ds/agent').stdout)).toBe('daemon set "agent" successfully rolled out');
    expect(s.ok("kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'")).toBe('nginx:1.14.2 nginx:1.14.2 ');
    expect(s.run('kubectl rollout history daemonset/agent').stdout).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         kubectl set image ds/agent agent=nginx:1.16.1 --record=true\n3         <none>\n\n',
    );
    expect(s.run('kubectl rollout undo daemonset/agent --to-revision=3').output).toBe('daemonset.apps/agent skipped rollback (current template already matches revision 3)\n');
    expect(s.run('kubectl rollout undo daemonset/agent --to-revision=1').output).toBe('error: unable to find specified revision 1 in history\n');
    expect(s.run('kubectl rollout undo daemonset/agent --dry-run=client').output).toMatch(/^daemonset\.apps\/agent will roll back to Pod Template:\n[\s\S]*Image:\tnginx:1\.16\.1\n[\s\S]* \(dry run\)\n$/);
  });

  it('restarts but cannot pause, and has nothing to undo to at first', () => {
    expect(s.run('kubectl rollout undo ds/agent').output).toBe('error: no last revision to roll back to\n');
    expect(s.run('kubectl rollout pause ds/agent').output).toBe('error: daemonsets.apps "agent" pausing is not supported\n');
    expect(s.run('kubectl rollout restart ds/agent').output).toBe('daemonset.apps/agent restarted\n');
  });

  it('refuses to watch an OnDelete DaemonSet', () => {
    s.ok(`kubectl patch ds agent -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`);
    expect(s.run('kubectl rollout status ds/agent')).toMatchObject({ output: 'error: rollout status is only available for RollingUpdate strategy type\n', exitCode: 1 });
  });
});
