import { describe, expect, it } from 'vitest';
import { cacheWith, runFilter, runScore } from '../../testing/harness';
import { makeNode, makePod } from '../../testing/fixtures';
import { newFit } from './fit';
import { newBalancedAllocation } from './balanced-allocation';
import { Code } from '../../framework/status';

// Nodes in milli-CPU and bytes as the upstream tests (least_allocated_test.go, balanced_allocation_test.go).
const node = (name: string, milliCPU: number, memory: number) => makeNode(name, { cpu: `${milliCPU}m`, memory: String(memory) });
const cpuOnly = { containers: [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }] };
const cpuAndMemory = { containers: [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }] };
const on = (nodeName: string, spec: object, name: string) => makePod(name, { ...spec, nodeName, phase: 'Running' });

describe('NodeResourcesFit LeastAllocated (golden)', () => {
  it('sched-least-allocated-2: nothing scheduled, differently sized nodes -> 37, 50', () => {
    const c = cacheWith([node('node1', 4000, 10000), node('node2', 6000, 10000)]);
    expect(runScore(newFit(), makePod('p', cpuAndMemory), c)).toEqual({ node1: 37, node2: 50 });
  });

  it('sched-least-allocated-3: existing (6000,0) and (6000,5000) on 10000/20000 -> 70, 57', () => {
    const c = cacheWith(
      [node('node1', 10000, 20000), node('node2', 10000, 20000)],
      [on('node1', { containers: [{ cpu: '3', memory: '0' }] }, 'a'), on('node1', { containers: [{ cpu: '3', memory: '0' }] }, 'b'), on('node2', { containers: [{ cpu: '3', memory: '0' }] }, 'c'), on('node2', { containers: [{ cpu: '3', memory: '5000' }] }, 'd')],
    );
    expect(runScore(newFit(), makePod('p', { containers: [{ cpu: '0', memory: '0' }] }), c)).toEqual({ node1: 70, node2: 57 });
  });

  it('sched-least-allocated-6: requests exceed cpu capacity -> 50, 25', () => {
    const c = cacheWith([node('node1', 4000, 10000), node('node2', 4000, 10000)], [on('node1', { containers: [{ cpu: '3', memory: '0' }] }, 'a'), on('node2', { containers: [{ cpu: '3', memory: '5000' }] }, 'b')]);
    expect(runScore(newFit(), makePod('p', { containers: [{ cpu: '3', memory: '0' }] }), c)).toEqual({ node1: 50, node2: 25 });
  });

  it('sched-least-allocated-7: memory weight 2, cpu weight 1 -> 41, 50', () => {
    const c = cacheWith([node('node1', 4000, 10000), node('node2', 6000, 10000)]);
    const fit = newFit({ resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }] });
    expect(runScore(fit, makePod('p', cpuAndMemory), c)).toEqual({ node1: 41, node2: 50 });
  });

  it('sched-nonzero-defaults: a pod without requests counts as 100m/200Mi -> 95 on an empty 2cpu/4Gi node', () => {
    const c = cacheWith([makeNode('n', { cpu: '2', memory: '4Gi' })]);
    expect(runScore(newFit(), makePod('p', { containers: [{}] }), c)).toEqual({ n: 95 });
  });

  it('an explicit 0 request stays 0 for scoring', () => {
    const c = cacheWith([makeNode('n', { cpu: '2', memory: '4Gi' })]);
    expect(runScore(newFit(), makePod('p', { containers: [{ cpu: '0', memory: '0' }] }), c)).toEqual({ n: 100 });
  });
});

describe('NodeResourcesBalancedAllocation (golden)', () => {
  it('sched-balanced-1: pod 3000m/5000 on 4000m/10000 and 6000m/10000 -> 87, 100', () => {
    const c = cacheWith([node('node1', 4000, 10000), node('node2', 6000, 10000)]);
    expect(runScore(newBalancedAllocation(), makePod('p', cpuAndMemory), c)).toEqual({ node1: 87, node2: 100 });
  });

  it('sched-balanced-2: existing cpuOnly / cpuAndMemory on 10000m/20000 -> 82, 95', () => {
    const c = cacheWith([node('node1', 10000, 20000), node('node2', 10000, 20000)], [on('node1', cpuOnly, 'a'), on('node2', cpuAndMemory, 'b')]);
    expect(runScore(newBalancedAllocation(), makePod('p', cpuAndMemory), c)).toEqual({ node1: 82, node2: 95 });
  });

  it('sched-balanced-4: fractions are capped at 1 -> 50, 75', () => {
    const c = cacheWith([node('node1', 4000, 10000), node('node2', 4000, 10000)], [on('node1', cpuOnly, 'a'), on('node2', cpuAndMemory, 'b')]);
    expect(runScore(newBalancedAllocation(), makePod('p', cpuOnly), c)).toEqual({ node1: 50, node2: 75 });
  });

  it('skips best-effort pods (PreScore returns Skip)', () => {
    const c = cacheWith([node('node1', 4000, 10000)]);
    expect(runScore(newBalancedAllocation(), makePod('p', { containers: [{}] }), c)).toEqual({ node1: 0 });
  });
});

describe('NodeResourcesFit filter', () => {
  it('reports every insufficient resource in upstream order', () => {
    const c = cacheWith([makeNode('n', { cpu: '1', memory: '1Gi', pods: '1' })], [on('n', { containers: [{ cpu: '500m', memory: '512Mi' }] }, 'a')]);
    const s = runFilter(newFit(), makePod('p', { containers: [{ cpu: '600m', memory: '600Mi' }] }), c).n!;
    expect(s.reasons).toEqual(['Too many pods', 'Insufficient cpu', 'Insufficient memory']);
    expect(s.code).toBe(Code.Unschedulable);
    expect(s.plugin).toBe('NodeResourcesFit');
  });

  it('is unresolvable when even an empty node is too small', () => {
    const c = cacheWith([makeNode('n', { cpu: '2', memory: '4Gi' })]);
    const s = runFilter(newFit(), makePod('p', { containers: [{ cpu: '3' }] }), c).n!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ['Insufficient cpu']]);
  });

  it('lets best-effort pods through on resources but not past the pod limit', () => {
    const c = cacheWith([makeNode('n', { cpu: '1', memory: '1Gi', pods: '1' }), makeNode('m', { cpu: '1m', memory: '1' })], [on('n', { containers: [{}] }, 'a')]);
    const r = runFilter(newFit(), makePod('p', { containers: [{}] }), c);
    expect(r.n!.reasons).toEqual(['Too many pods']);
    expect(r.m).toBeNull();
  });

  it('counts init containers as their peak and sidecars for the whole pod life', () => {
    const c = cacheWith([makeNode('n', { cpu: '2', memory: '4Gi' })]);
    // Regular containers 1.5 cpu + sidecar 0.25 = 1.75 steady; init peak 1 + 0.25: fits 2 cpu.
    const fits = makePod('p', { containers: [{ cpu: '1500m' }], initContainers: [{ cpu: '250m', restartPolicy: 'Always' }, { cpu: '1' }] });
    expect(runFilter(newFit(), fits, c).n).toBeNull();
    // A plain init container of 2.5 cpu is the peak and does not fit.
    const big = makePod('q', { containers: [{ cpu: '100m' }], initContainers: [{ cpu: '2500m' }] });
    expect(runFilter(newFit(), big, c).n!.reasons).toEqual(['Insufficient cpu']);
  });
});
