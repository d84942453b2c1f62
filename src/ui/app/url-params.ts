/**
 * URL parameters for reproducible demos and tests: `?seed=7&paused=1&speed=10&lang=zh&theme=dark&fresh=1`.
 * The cluster's start time is fixed, so a seed always gives the same object names.
 */
import { SPEEDS, type Speed } from '../../protocol/messages';
import type { Language, Theme } from '../store/ui-store';

/** What the URL asks for; absent keys leave the choice to the saved workspace or the defaults. */
export interface UrlParams {
  seed?: number;
  paused?: boolean;
  speed?: Speed;
  lang?: Language;
  theme?: Theme;
  /** Ignore the saved cluster and start a fresh one (editor files are kept). */
  fresh?: boolean;
}

function flag(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  return v === '' || v === '1' || v.toLowerCase() === 'true' || v.toLowerCase() === 'yes';
}

/** Reads the parameters from `location.search`; invalid values are ignored. */
export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = {};
  const seed = q.get('seed');
  if (seed !== null && /^\d{1,9}$/.test(seed)) out.seed = Number(seed);
  const paused = flag(q.get('paused'));
  if (paused !== undefined) out.paused = paused;
  const speed = Number(q.get('speed'));
  if ((SPEEDS as readonly number[]).includes(speed)) out.speed = speed as Speed;
  const lang = q.get('lang')?.toLowerCase();
  if (lang === 'en' || lang?.startsWith('en-')) out.lang = 'en';
  if (lang === 'zh' || lang?.startsWith('zh-')) out.lang = 'zh';
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') out.theme = theme;
  const fresh = flag(q.get('fresh'));
  if (fresh !== undefined) out.fresh = fresh;
  return out;
}

/** The URL search string without the parameters that pick a cluster (so a reload restores the saved one). */
export function withoutClusterParams(search: string): string {
  const q = new URLSearchParams(search);
  q.delete('seed');
  q.delete('fresh');
  const s = q.toString();
  return s ? `?${s}` : '';
}
