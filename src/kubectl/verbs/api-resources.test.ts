import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';
import { listApiResources } from './api-resources';

describe('listApiResources', () => {
  it('sorts by group then name, and by kind or name on request', () => {
    expect(listApiResources().slice(0, 3).map((t) => t.resource)).toEqual(['bindings', 'componentstatuses', 'configmaps']);
    expect(listApiResources({ sortBy: 'kind' }).slice(0, 2).map((t) => t.kind)).toEqual(['Binding', 'ClusterRole']);
    expect(listApiResources({ namespaced: false }).every((t) => !t.namespaced)).toBe(true);
  });
});

describe('kubectl api-resources', () => {
  it('prints the table with kubectl columns', () => {
    const s = session();
    const lines = s.ok('kubectl api-resources').split('\n');
    expect(lines[0]).toBe('NAME                       SHORTNAMES   APIVERSION                     NAMESPACED   KIND');
    expect(lines).toContain('deployments                deploy       apps/v1                        true         Deployment');
    expect(lines).toContain('events                     ev           events.k8s.io/v1               true         Event');
    expect(lines).toContain('roles                                   rbac.authorization.k8s.io/v1   true         Role');
  });

  it('filters by group and scope, prints names and wide columns', () => {
    const s = session();
    expect(s.run('kubectl api-resources --api-group=apps -o name').output).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    expect(s.run('kubectl api-resources --namespaced=false --api-group=').output).toBe(
      'NAME                SHORTNAMES   APIVERSION   NAMESPACED   KIND\ncomponentstatuses   cs           v1           false        ComponentStatus\nnamespaces          ns           v1           false        Namespace\nnodes               no           v1           false        Node\npersistentvolumes   pv           v1           false        PersistentVolume\n',
    );
    expect(s.run('kubectl api-resources --api-group=batch -o wide --no-headers').output).toBe(
      'cronjobs   cj    batch/v1   true   CronJob   create,delete,deletecollection,get,list,patch,update,watch   all\njobs             batch/v1   true   Job       create,delete,deletecollection,get,list,patch,update,watch   all\n',
    );
    expect(s.run('kubectl api-resources --sort-by=age').output).toBe('error: --sort-by accepts only name or kind\n');
  });
});
