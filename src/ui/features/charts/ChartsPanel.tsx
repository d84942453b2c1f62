/**
 * Charts over virtual time, following pause and speed: pods by phase (for the namespace filter) and the cluster's
 * requested vs allocatable CPU and memory, over a chosen window of the last minutes.
 */
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import '../graph/tokens.css';
import './charts.css';
import { useUiStore } from '../../store/ui-store';
import { useChartsStore } from './charts-store';
import { clockTick, timeTicks } from './time-axis';
import { PHASES, SAMPLE_EVERY_MS, phasesFor, type ChartSample, type Phase } from './samples';
import { useChartsT } from './strings';

/** Charts redraw at most this often (samples can arrive many times a second at 60×). */
const REDRAW_MS = 500;

const WINDOWS = [5, 15, 60] as const;

const NO_SAMPLES: readonly ChartSample[] = [];

const PHASE_COLOUR: Record<Phase, string> = {
  Running: 'var(--kp-ready)',
  Pending: 'var(--kp-pending)',
  Succeeded: 'var(--kp-succeeded)',
  Failed: 'var(--kp-failed)',
  Unknown: 'var(--kp-terminating)',
};

/** `value`, but updated at most once per `ms` (the latest value always lands). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

const GIB = 2 ** 30;

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

interface Point {
  t: number;
  [series: string]: number;
}

/** Points of the window ending at the newest sample. */
function windowed(samples: readonly ChartSample[], minutes: number): readonly ChartSample[] {
  const end = samples[samples.length - 1]?.t ?? 0;
  const start = end - minutes * 60_000;
  let i = samples.length;
  while (i > 0 && samples[i - 1]!.t >= start) i--;
  return samples.slice(i);
}

function ChartFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <figure className="kp-chart">
      <figcaption className="kp-chart__title">
        {title}
        {subtitle && <span className="kp-chart__subtitle">{subtitle}</span>}
      </figcaption>
      <div className="kp-chart__plot">{children}</div>
    </figure>
  );
}

const axisTick = { fontSize: 11, fill: 'var(--kp-muted)' };

const TimeAxis = (domain: [number, number]) => (
  <XAxis dataKey="t" type="number" domain={domain} ticks={timeTicks(domain)} tickFormatter={clockTick} tick={axisTick} stroke="var(--kp-border-strong)" interval={0} allowDataOverflow />
);

const PodsChart = memo(function PodsChart({ points, domain, axis }: { points: Point[]; domain: [number, number]; axis: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 4, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--kp-border)" strokeDasharray="3 3" vertical={false} />
        {TimeAxis(domain)}
        <YAxis allowDecimals={false} tick={axisTick} stroke="var(--kp-border-strong)" width={44} label={{ value: axis, angle: -90, position: 'insideLeft', offset: 10, style: { fontSize: 11, fill: 'var(--kp-muted)', textAnchor: 'middle' } }} />
        <Tooltip labelFormatter={(v) => clockTick(Number(v))} contentStyle={{ fontSize: 12, background: 'var(--kp-surface)', border: '1px solid var(--kp-border)', color: 'var(--kp-text)' }} />
        <Legend iconType="square" iconSize={9} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        {PHASES.map((p) => (
          <Area key={p} type="stepAfter" dataKey={p} name={p} stackId="phases" stroke={PHASE_COLOUR[p]} fill={PHASE_COLOUR[p]} fillOpacity={0.35} strokeWidth={1.5} isAnimationActive={false} dot={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
});

const ResourceChart = memo(function ResourceChart({ points, domain, axis, requested, allocatable }: { points: Point[]; domain: [number, number]; axis: string; requested: string; allocatable: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} margin={{ top: 4, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--kp-border)" strokeDasharray="3 3" vertical={false} />
        {TimeAxis(domain)}
        <YAxis tick={axisTick} stroke="var(--kp-border-strong)" width={44} domain={[0, 'auto']} label={{ value: axis, angle: -90, position: 'insideLeft', offset: 10, style: { fontSize: 11, fill: 'var(--kp-muted)', textAnchor: 'middle' } }} />
        <Tooltip labelFormatter={(v) => clockTick(Number(v))} contentStyle={{ fontSize: 12, background: 'var(--kp-surface)', border: '1px solid var(--kp-border)', color: 'var(--kp-text)' }} />
        <Legend iconType="plainline" iconSize={12} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        <Area type="stepAfter" dataKey="requested" name={requested} stroke="var(--kp-accent)" fill="var(--kp-accent)" fillOpacity={0.25} strokeWidth={2} isAnimationActive={false} dot={false} />
        <Line type="stepAfter" dataKey="allocatable" name={allocatable} stroke="var(--kp-muted)" strokeDasharray="6 4" strokeWidth={1.5} isAnimationActive={false} dot={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/**
 * The charts panel. While `active` is false (a hidden dock tab) it draws nothing: sampling goes on in the charts
 * store, and the charts come back with the full history when shown.
 */
export function ChartsPanel({ active = true }: { active?: boolean }) {
  const t = useChartsT();
  const theme = useUiStore((s) => s.theme);
  const namespace = useUiStore((s) => s.namespace);
  const live = useChartsStore((s) => s.samples);
  const windowMinutes = useChartsStore((s) => s.windowMinutes);
  const setWindowMinutes = useChartsStore((s) => s.setWindowMinutes);
  // Hidden, the panel stops following the samples (they keep being collected in the store).
  const samples = useThrottled(active ? live : NO_SAMPLES, REDRAW_MS);

  const { pods, cpu, mem, domain } = useMemo(() => {
    const shown = windowed(samples, windowMinutes);
    const end = shown[shown.length - 1]?.t ?? 0;
    // The axis starts at the first sample until the window is full, so a young cluster fills the chart.
    const domain: [number, number] = [Math.max(end - windowMinutes * 60_000, shown[0]?.t ?? end), end];
    const pods: Point[] = shown.map((s) => ({ t: s.t, ...phasesFor(s, namespace) }));
    const cpu: Point[] = shown.map((s) => ({ t: s.t, requested: round(s.cpuRequestedMilli / 1000, 3), allocatable: round(s.cpuAllocatableMilli / 1000, 3) }));
    const mem: Point[] = shown.map((s) => ({ t: s.t, requested: round(s.memRequestedBytes / GIB, 3), allocatable: round(s.memAllocatableBytes / GIB, 3) }));
    return { pods, cpu, mem, domain };
  }, [samples, windowMinutes, namespace]);

  if (!active) return <section className="kp-charts" data-theme={theme} aria-label={t('panel.label')} />;
  return (
    <section className="kp-charts" data-theme={theme} aria-label={t('panel.label')}>
      <div className="kp-charts__bar">
        <div className="kp-charts__windows" role="group" aria-label={t('window.label')}>
          {WINDOWS.map((w) => (
            <button key={w} type="button" aria-pressed={windowMinutes === w} className={windowMinutes === w ? 'is-active' : ''} onClick={() => setWindowMinutes(w)}>
              {w === 60 ? t('window.hour') : t('window.minutes', { count: w })}
            </button>
          ))}
        </div>
        <span className="kp-charts__axis-note">{t('time.axis')}</span>
      </div>
      {samples.length < 2 ? (
        <div className="kp-charts__waiting" role="status">{t('waiting', { seconds: SAMPLE_EVERY_MS / 1000 })}</div>
      ) : (
        <div className="kp-charts__grid" data-testid="charts">
          <ChartFrame title={t('pods.title')} subtitle={namespace === '' ? t('pods.scopeAll') : t('pods.scope', { namespace })}>
            <PodsChart points={pods} domain={domain} axis={t('pods.axis')} />
          </ChartFrame>
          <ChartFrame title={t('cpu.title')}>
            <ResourceChart points={cpu} domain={domain} axis={t('cpu.axis')} requested={t('series.requested')} allocatable={t('series.allocatable')} />
          </ChartFrame>
          <ChartFrame title={t('memory.title')}>
            <ResourceChart points={mem} domain={domain} axis={t('memory.axis')} requested={t('series.requested')} allocatable={t('series.allocatable')} />
          </ChartFrame>
        </div>
      )}
    </section>
  );
}
