import { describe, expect, it } from 'vitest';
import { deploymentYaml, testCluster } from '../graph/model/testing';
import { addFrame, MAX_SAMPLES, phasesFor, SAMPLE_EVERY_MS, takeSample, type ChartSample } from './samples';

describe('takeSample', () => {
  it('counts pods per phase per namespace and sums scheduled requests against allocatable', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 3));
    c.advance(30_000);
    const s = takeSample(c.objects(), c.nowMs());
    expect(s.t).toBe(c.nowMs());
    expect(phasesFor(s, 'default')).toEqual({ Running: 3, Pending: 0, Succeeded: 0, Failed: 0, Unknown: 0 });
    expect(phasesFor(s, '').Running).toBe(Object.values(s.phasesByNamespace).reduce((n, p) => n + p.Running, 0));
    expect(phasesFor(s, 'nowhere')).toEqual({ Running: 0, Pending: 0, Succeeded: 0, Failed: 0, Unknown: 0 });
    // Three nodes of 4 CPU; the web pods request 100m each on top of the system pods.
    expect(s.cpuAllocatableMilli).toBe(12_000);
    const before = takeSample(testCluster().objects(), 0);
    expect(s.cpuRequestedMilli - before.cpuRequestedMilli).toBe(300);
    expect(s.memRequestedBytes - before.memRequestedBytes).toBe(3 * 64 * 2 ** 20);
  });
});

describe('addFrame', () => {
  const c = testCluster();
  c.advance(1_000);
  const objects = c.objects();
  const t0 = c.nowMs();

  it('samples once per interval of virtual time', () => {
    let samples: readonly ChartSample[] = [];
    for (let t = t0; t < t0 + 20_000; t += 1_000) samples = addFrame(samples, objects, t, false);
    expect(samples.map((s) => s.t - t0)).toEqual([0, 5_000, 10_000, 15_000]);
    expect(SAMPLE_EVERY_MS).toBe(5_000);
  });

  it('refreshes the last sample when objects change while time stands still', () => {
    const first = addFrame([], objects, t0, false);
    expect(addFrame(first, objects, t0, false)).toBe(first);
    const again = addFrame(first, objects, t0, true);
    expect(again).not.toBe(first);
    expect(again).toHaveLength(1);
  });

  it('keeps at most MAX_SAMPLES and starts over when time goes back', () => {
    let samples: readonly ChartSample[] = [];
    for (let i = 0; i < MAX_SAMPLES + 10; i++) samples = addFrame(samples, objects, t0 + i * SAMPLE_EVERY_MS, false);
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(samples[0]!.t).toBe(t0 + 10 * SAMPLE_EVERY_MS);
    expect(addFrame(samples, objects, t0, false).map((s) => s.t)).toEqual([t0]);
  });
});
