import { describe, expect, it } from 'vitest';
import { planBoot } from './boot-plan';
import { formatClusterDateTime, formatClusterTime, formatElapsed } from './clock-format';
import { parseUrlParams, withoutClusterParams } from './url-params';

const snapshot = { format: 'kubeplay.snapshot/v1' as const, seed: 3, startTimeMs: 0, nowMs: 90_000, log: [] };
const browser = { languages: ['en-US'], prefersDark: false };

describe('parseUrlParams', () => {
  it('reads seed, paused, speed, lang, theme and fresh', () => {
    expect(parseUrlParams('?seed=42&paused=1&speed=10&lang=zh-CN&theme=dark&fresh')).toEqual({ seed: 42, paused: true, speed: 10, lang: 'zh', theme: 'dark', fresh: true });
    expect(parseUrlParams('?paused=0&lang=en')).toEqual({ paused: false, lang: 'en' });
  });

  it('ignores values it does not understand', () => {
    expect(parseUrlParams('?seed=abc&speed=3&lang=fr&theme=blue')).toEqual({});
  });

  it('drops the cluster-picking parameters', () => {
    expect(withoutClusterParams('?seed=2&paused=1&fresh=1')).toBe('?paused=1');
    expect(withoutClusterParams('?seed=2')).toBe('');
  });
});

describe('planBoot', () => {
  it('starts seed 1, running at 1×, in the browser language without a workspace', () => {
    expect(planBoot({}, undefined, { languages: ['zh-CN'], prefersDark: true })).toEqual({ seed: 1, paused: false, speed: 1, language: 'zh', theme: 'dark', history: [] });
  });

  it('restores the saved cluster and settings', () => {
    const plan = planBoot({ paused: true }, { snapshot, settings: { speed: 5, language: 'zh', theme: 'dark' }, terminal: { history: ['k get po'] } }, browser);
    expect(plan).toEqual({ seed: 3, paused: true, speed: 5, snapshot, language: 'zh', theme: 'dark', history: ['k get po'] });
  });

  it('starts fresh when the URL names another seed or asks for it, and URL settings win', () => {
    expect(planBoot({ seed: 7, lang: 'en' }, { snapshot, settings: { language: 'zh' } }, browser)).toEqual({ seed: 7, paused: false, speed: 1, language: 'en', theme: 'light', history: [] });
    expect(planBoot({ seed: 3 }, { snapshot }, browser).snapshot).toBe(snapshot);
    expect(planBoot({ fresh: true }, { snapshot }, browser)).toEqual({ seed: 1, paused: false, speed: 1, language: 'en', theme: 'light', history: [] });
  });
});

describe('clock formatting', () => {
  it('shows the UTC cluster time and a stopwatch', () => {
    const t = Date.UTC(2026, 0, 15, 9, 1, 20);
    expect(formatClusterTime(t)).toBe('09:01:20');
    expect(formatClusterDateTime(t)).toBe('2026-01-15 09:01:20 UTC');
    expect([formatElapsed(45_000), formatElapsed(725_000), formatElapsed(3_723_000), formatElapsed(273_906_000)]).toEqual(['0:45', '12:05', '1:02:03', '3d 04:05:06']);
  });
});
