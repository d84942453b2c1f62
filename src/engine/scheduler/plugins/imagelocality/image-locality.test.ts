import { describe, expect, it } from 'vitest';
import { cacheWith, runScore } from '../../testing/harness';
import { makeHandle, makeNode, makePod } from '../../testing/fixtures';
import { calculatePriority, newImageLocality } from './image-locality';

const MB = 1024 * 1024;

describe('ImageLocality (golden)', () => {
  it('sched-imagelocality-1: 2 containers, a 250MiB image on 1 of 2 nodes -> 5', () => {
    const c = cacheWith([makeNode('node1', { images: [{ names: ['gcr.io/250:latest'], sizeBytes: 250 * MB }] }), makeNode('node2')]);
    const pod = makePod('p', { containers: [{ image: 'gcr.io/250' }, { image: 'gcr.io/missing:v1' }] });
    expect(runScore(newImageLocality(makeHandle(c)), pod, c)).toEqual({ node1: 5, node2: 0 });
  });

  it('clamps to the thresholds', () => {
    expect(calculatePriority(10 * MB, 1)).toBe(0);
    expect(calculatePriority(5000 * MB, 1)).toBe(100);
  });

  it('scales an image by how many nodes have it', () => {
    const img = { names: ['big:1'], sizeBytes: 1000 * MB };
    const c = cacheWith([makeNode('a', { images: [img] }), makeNode('b', { images: [img] }), makeNode('c')]);
    // 1000MiB * 2/3 = 666.67MiB (truncated bytes); (666.67-23)/(1000-23) * 100 = 65.88 -> 65
    expect(runScore(newImageLocality(makeHandle(c)), makePod('p', { containers: [{ image: 'big:1' }] }), c)).toEqual({ a: 65, b: 65, c: 0 });
  });
});
