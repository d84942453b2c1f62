/**
 * The charts' sample history, fed from the cluster store's frames whether or not the charts are on screen, and
 * cleared when the cluster is reset or replaced.
 */
import { create } from 'zustand';
import { useClusterStore } from '../../store/cluster-store';
import { addFrame, type ChartSample } from './samples';

/** Sampled history and the chosen time window. */
export interface ChartsState {
  samples: readonly ChartSample[];
  /** Width of the shown window in virtual minutes. */
  windowMinutes: number;
  setWindowMinutes(minutes: number): void;
}

export const useChartsStore = create<ChartsState>()((set) => ({
  samples: [],
  windowMinutes: 5,
  setWindowMinutes: (windowMinutes) => set({ windowMinutes }),
}));

let stop: (() => void) | undefined;

/** Starts sampling cluster frames (idempotent); returns a function that stops it. */
export function startChartSampling(): () => void {
  if (stop) return stop;
  let epoch = useClusterStore.getState().epoch;
  const unsubscribe = useClusterStore.subscribe((s, prev) => {
    // Nothing to measure before the first frame; nothing new when neither objects nor time moved.
    if (s.seq === 0 || (s.objects === prev.objects && s.nowMs === prev.nowMs && s.epoch === prev.epoch)) return;
    let samples = useChartsStore.getState().samples;
    if (s.epoch !== epoch) {
      epoch = s.epoch;
      samples = [];
    }
    const next = addFrame(samples, s.objects, s.nowMs, s.objects !== prev.objects);
    if (next !== useChartsStore.getState().samples) useChartsStore.setState({ samples: next });
  });
  stop = () => {
    unsubscribe();
    stop = undefined;
  };
  return stop;
}

// Sampling starts with the module, so history exists before the charts tab is first opened.
startChartSampling();
