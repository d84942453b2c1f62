import { beforeEach, describe, expect, it } from 'vitest';
import { session, type Session } from './support/testing/harness';
import { parseAnnotationArgs } from './annotate';

describe('parseAnnotationArgs', () => {
  it('keeps `=` inside values and lists malformed pairs together', () => {
    expect([...parseAnnotationArgs(['description=a=b c']).set]).toEqual([['description', 'a=b c']]);
    expect(() => parseAnnotationArgs(['=x', 'y'])).toThrow('error: invalid annotation format: =x, y');
    expect(() => parseAnnotationArgs(['a=1', 'a-'])).toThrow('error: can not both modify and remove the following annotation(s) in the same command: a');
  });
});

describe('kubectl annotate', () => {
  let s: Session;
  beforeEach(() => {
    s = session();
    s.ok('kubectl create deployment web --image=nginx');
  });

  it('annotates, refuses to overwrite, overwrites and removes', () => {
    expect(s.run("kubectl annotate deploy web description='my frontend'").output).toBe('deployment.apps/web annotated\n');
    expect(s.run('kubectl get deploy web -o jsonpath={.metadata.annotations.description}').stdout).toBe('my frontend');
    expect(s.run('kubectl annotate deploy web description=x').output).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n",
    );
    expect(s.run('kubectl annotate deploy web description=x --overwrite').output).toBe('deployment.apps/web annotated\n');
    expect(s.run('kubectl annotate deploy web description-').output).toBe('deployment.apps/web annotated\n');
    expect(s.run('kubectl get deploy web -o jsonpath={.metadata.annotations.description}').stdout).toBe('');
  });

  it('always lets the change cause be overwritten', () => {
    s.ok('kubectl annotate deploy web kubernetes.io/change-cause=first');
    expect(s.run('kubectl annotate deploy web kubernetes.io/change-cause=second').output).toBe('deployment.apps/web annotated\n');
  });

  it('prints the server object with -o yaml', () => {
    const out = s.ok('kubectl annotate deploy web a=b -o yaml');
    expect(out).toContain('  annotations:\n    a: b\n');
    expect(out).toContain('kind: Deployment\n');
  });

  it('lists annotations', () => {
    s.ok('kubectl annotate deploy web a=b');
    expect(s.run('kubectl annotate deploy web --list').output).toBe('a=b\n');
  });

  it("reports kubectl's argument errors", () => {
    expect(s.run('kubectl annotate deploy web').output).toBe('error: at least one annotation update is required\n');
    expect(s.run('kubectl annotate deploy a=b web').output).toBe('error: all resources must be specified before annotation changes: web\n');
    expect(s.run('kubectl annotate deploy nope a=b').output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
