/**
 * Asks the worker for something (describe text, logs) and asks again whenever `version` changes, at most once per
 * `minIntervalMs` and never two at a time, so a busy rollout does not flood the worker.
 */
import { useEffect, useRef, useState } from 'react';

/** What a live request shows: the last answer (kept while a newer one loads) or an error. */
export interface LiveResult<T> {
  value: T | undefined;
  error: string | undefined;
  loading: boolean;
}

interface Controller {
  /** Bumped when the key changes, so late answers for the old key are dropped. */
  generation: number;
  inFlight: boolean;
  /** A change arrived while a request was running: ask again when it ends. */
  dirty: boolean;
  lastAtMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * `fetcher` for `key`, refreshed when `version` changes. A new `key` starts over (old text is dropped); a new
 * `version` keeps the old text on screen until the new one arrives.
 */
export function useLiveRequest<T>(key: string | undefined, version: string, fetcher: (key: string) => Promise<T>, minIntervalMs = 500): LiveResult<T> {
  const [state, setState] = useState<{ key: string | undefined; value: T | undefined; error: string | undefined }>({ key: undefined, value: undefined, error: undefined });
  const ctl = useRef<Controller>({ generation: 0, inFlight: false, dirty: false, lastAtMs: Number.NEGATIVE_INFINITY, timer: undefined });
  const latest = useRef({ key, fetcher, minIntervalMs, mounted: true });
  latest.current = { key, fetcher, minIntervalMs, mounted: latest.current.mounted };

  const schedule = () => {
    const c = ctl.current;
    if (c.inFlight) {
      c.dirty = true;
      return;
    }
    if (c.timer !== undefined) return;
    c.timer = setTimeout(run, Math.max(0, c.lastAtMs + latest.current.minIntervalMs - performance.now()));
  };
  const run = () => {
    const c = ctl.current;
    c.timer = undefined;
    const { key: k, fetcher: f, mounted } = latest.current;
    if (k === undefined || !mounted) return;
    const generation = c.generation;
    c.inFlight = true;
    c.dirty = false;
    c.lastAtMs = performance.now();
    f(k).then(
      (value) => {
        if (generation === c.generation && latest.current.mounted) setState({ key: k, value, error: undefined });
      },
      (e: unknown) => {
        const error = e instanceof Error ? e.message : String(e);
        if (generation === c.generation && latest.current.mounted) setState((s) => ({ key: k, value: s.key === k ? s.value : undefined, error }));
      },
    ).finally(() => {
      if (generation !== c.generation) return;
      c.inFlight = false;
      if (c.dirty) schedule();
    });
  };

  useEffect(() => {
    latest.current.mounted = true;
    const c = ctl.current;
    return () => {
      latest.current.mounted = false;
      if (c.timer !== undefined) clearTimeout(c.timer);
      c.timer = undefined;
    };
  }, []);
  // Declared before the version effect so a new key is reset before its first request.
  useEffect(() => {
    const c = ctl.current;
    c.generation++;
    c.inFlight = false;
    c.dirty = false;
    c.lastAtMs = Number.NEGATIVE_INFINITY;
    if (c.timer !== undefined) clearTimeout(c.timer);
    c.timer = undefined;
  }, [key]);
  useEffect(() => {
    if (key !== undefined) schedule();
    // schedule reads everything through refs.
  }, [key, version]);

  const current = state.key === key;
  const value = current ? state.value : undefined;
  const error = current ? state.error : undefined;
  return { value, error, loading: key !== undefined && value === undefined && error === undefined };
}
