import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../../protocol/messages';
import { columns, commonPrefix, complete, type CompletionContext } from './completion';

const vocabulary: Vocabulary = {
  verbs: [
    { name: 'apply', subcommands: [] },
    { name: 'create', subcommands: ['deployment', 'namespace', 'service'] },
    { name: 'delete', subcommands: [] },
    { name: 'describe', subcommands: [] },
    { name: 'edit', subcommands: [] },
    { name: 'get', subcommands: [] },
    { name: 'logs', subcommands: [] },
    { name: 'cordon', subcommands: [] },
    { name: 'scale', subcommands: [] },
  ],
  resources: [
    { kind: 'Pod', resource: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true },
    { kind: 'Deployment', resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true },
    { kind: 'Node', resource: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false },
    { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false },
  ],
};

const objects: Record<string, Record<string, string[]>> = {
  Pod: { default: ['web-1', 'web-2', 'db-0'], 'kube-system': ['coredns-a'] },
  Deployment: { default: ['web'] },
  Node: { '': ['kubeplay-control-plane', 'kubeplay-worker', 'kubeplay-worker2'] },
};

const ctx: CompletionContext = {
  vocabulary,
  defaultNamespace: 'default',
  namespaces: () => ['default', 'kube-system'],
  names: (kind, ns) => {
    const byNs = objects[kind] ?? {};
    return ns === undefined ? Object.values(byNs).flat().sort() : [...(byNs[ns] ?? [])].sort();
  },
};

const c = (line: string) => complete(line, ctx).candidates;

describe('complete', () => {
  it('completes shell commands, verbs and sub-commands', () => {
    expect(c('ku')).toEqual(['kubectl']);
    expect(c('kubectl de')).toEqual(['delete', 'describe']);
    expect(c('k create dep')).toEqual(['deployment']);
  });

  it('completes resource types by plural, singular and short name', () => {
    expect(c('kubectl get dep')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(c('kubectl get p')).toEqual(['po', 'pod', 'pods']);
  });

  it('completes object names in the namespace from -n, -A or the default', () => {
    expect(c('kubectl get pods w')).toEqual(['web-1', 'web-2']);
    expect(c('kubectl get po -n kube-system c')).toEqual(['coredns-a']);
    expect(c('kubectl -A get po c')).toEqual(['coredns-a']);
    expect(c('kubectl scale deploy/')).toEqual(['deploy/web']);
    expect(c('kubectl logs d')).toEqual(['db-0']);
    expect(c('kubectl cordon kubeplay-w')).toEqual(['kubeplay-worker', 'kubeplay-worker2']);
  });

  it('completes flag values', () => {
    expect(c('kubectl get pods -n k')).toEqual(['kube-system']);
    expect(c('kubectl get pods -o y')).toEqual(['yaml']);
    expect(c('kubectl get pods -oj')).toEqual(['-ojson', '-ojsonpath=']);
  });

  it('reports where the completed word starts', () => {
    expect(complete('kubectl get deploy/w', ctx)).toEqual({ start: 12, candidates: ['deploy/web'] });
    expect(c('kubectl apply -f ')).toEqual([]);
    expect(c('echo ')).toEqual([]);
  });
});

describe('commonPrefix and columns', () => {
  it('finds the shared prefix', () => {
    expect(commonPrefix(['deploy', 'deployment', 'deployments'])).toBe('deploy');
    expect(commonPrefix([])).toBe('');
  });

  it('lays candidates out column by column', () => {
    expect(columns(['a', 'bb', 'ccc', 'd', 'e'], 12)).toBe('a    d\nbb   e\nccc');
  });
});
