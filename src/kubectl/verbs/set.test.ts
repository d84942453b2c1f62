import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';
import { selectString } from './set';

describe('selectString', () => {
  it('matches container names with * wildcards', () => {
    expect(selectString('nginx', '*')).toBe(true);
    expect(selectString('nginx', 'ng*')).toBe(true);
    expect(selectString('nginx', '*inx')).toBe(true);
    expect(selectString('nginx', 'x*')).toBe(false);
    expect(selectString('nginx', 'nginx')).toBe(true);
  });
});

describe('kubectl set image', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
    s.ok('kubectl create deployment web --image=nginx:1.14');
  });

  it('updates a container image and says so', () => {
    expect(s.run('kubectl set image deployment/web nginx=nginx:1.16.1').output).toBe('deployment.apps/web image updated\n');
    expect(s.ok('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.16.1');
  });

  it('prints nothing when the image is already set', () => {
    const r = s.run('kubectl set image deployment/web nginx=nginx:1.14');
    expect(r.output).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('updates every container with *', () => {
    expect(s.run('kubectl set image deploy web *=busybox').output).toBe('deployment.apps/web image updated\n');
  });

  it('records the change cause with the deprecated --record', () => {
    const r = s.run('kubectl set image deployment/web nginx=nginx:1.16.1 --record');
    expect(r.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(r.stdout).toBe('deployment.apps/web image updated\n');
    expect(s.ok("kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'")).toBe('kubectl set image deployment/web nginx=nginx:1.16.1 --record=true');
  });

  it('records flags in the order given, with global flags as --name=value', () => {
    s.ok('kubectl set image deploy/web nginx=nginx:2 -n default --record=true');
    expect(s.ok("kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'")).toBe('kubectl set image deploy/web nginx=nginx:2 --namespace=default --record=true');
  });

  it('prints dry runs without writing', () => {
    expect(s.run('kubectl set image deploy/web nginx=nginx:2 --dry-run=client').output).toBe('deployment.apps/web image updated (dry run)\n');
    expect(s.ok('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.14');
  });

  it("reports kubectl's errors", () => {
    expect(s.run('kubectl set image deployment/web x=nginx').output).toBe('error: unable to find container named "x"\n');
    expect(s.run('kubectl set image deployment/nope nginx=nginx').output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(s.run('kubectl set image deployment/web').output).toBe('error: at least one image update is required\n');
    expect(s.run('kubectl set image deployment/web *=a nginx=b').output).toBe('error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n');
    s.ok('kubectl create service clusterip web --tcp=80');
    expect(s.run('kubectl set image service/web nginx=x').output).toBe('error: services/web the object is not a pod or does not have a pod template: *v1.Service\n');
  });
});

describe('kubectl set env', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
    s.ok('kubectl create deployment web --image=nginx');
  });

  it('sets, lists and removes variables', () => {
    expect(s.run('kubectl set env deployment/web STORAGE_DIR=/local MODE=prod').output).toBe('deployment.apps/web env updated\n');
    expect(s.run('kubectl set env deployment/web --list').output).toBe('# Deployment web, container nginx\nSTORAGE_DIR=/local\nMODE=prod\n');
    expect(s.run('kubectl set env deployment/web MODE-').output).toBe('deployment.apps/web env updated\n');
    expect(s.run('kubectl set env deployment/web --list').output).toBe('# Deployment web, container nginx\nSTORAGE_DIR=/local\n');
  });

  it('imports every key of a ConfigMap with --from, renaming keys that are not variable names', () => {
    s.ok('kubectl create configmap settings --from-literal=log.level=debug --from-literal=PORT=8080');
    const r = s.run('kubectl set env deploy/web --from=configmap/settings');
    expect(r.stderr).toBe('Warning: key log.level transferred to LOG_LEVEL\n');
    expect(r.stdout).toBe('deployment.apps/web env updated\n');
    expect(s.run('kubectl set env deploy/web --list').output).toBe('# Deployment web, container nginx\n# PORT from configmap settings, key PORT\n# LOG_LEVEL from configmap settings, key log.level\n');
  });

  it('refuses to overwrite with --overwrite=false and warns about unmatched containers', () => {
    s.ok('kubectl set env deploy/web A=1');
    expect(s.run('kubectl set env deploy/web A=2 --overwrite=false').output).toBe("error: deployments/web 'A' already has a value (1), and --overwrite is false\n");
    expect(s.run('kubectl set env deploy/web B=1 -c sidecar').output).toBe('Warning: Deployment/web does not have any containers matching "sidecar"\n');
  });
});

describe('kubectl set resources', () => {
  it('sets limits and requests in canonical form', () => {
    const s = session();
    s.ok('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1').output).toBe('deployment.apps/web resource requirements updated\n');
    expect(s.ok('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}')).toBe('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}');
    expect(s.run('kubectl set resources deployment web').output).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect(s.run('kubectl set resources deployment web -c x --limits=cpu=1').output).toBe('error: unable to find container named x\n');
  });
});
