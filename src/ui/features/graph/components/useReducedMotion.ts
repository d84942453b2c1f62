/** Whether the user asked the system for reduced motion (then chips neither pop in nor fade out). */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

// One MediaQueryList for the page: matchMedia allocates a new one per call, and every pod group asks on render.
let mq: MediaQueryList | undefined;
function media(): MediaQueryList | undefined {
  if (mq === undefined && typeof window !== 'undefined' && typeof window.matchMedia === 'function') mq = window.matchMedia(QUERY);
  return mq;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  if (!m) return () => {};
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return media()?.matches ?? false;
}

/** True while `prefers-reduced-motion: reduce` is on. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
