/**
 * Decides how the app starts from the URL, the saved workspace and the browser: which cluster (a fresh seed or
 * the saved snapshot), paused or running, speed, language, theme and layout.
 */
import type { Snapshot, Speed } from '../../protocol/messages';
import { detectLanguage } from '../i18n';
import type { LayoutSettings, Workspace } from '../persistence/workspace';
import type { Language, Theme } from '../store/ui-store';
import type { UrlParams } from './url-params';

/** The seed when neither the URL nor a saved workspace gives one. */
export const DEFAULT_SEED = 1;

/** Everything the app needs to start. */
export interface BootPlan {
  seed: number;
  paused: boolean;
  speed: Speed;
  /** The saved cluster to replay, when restoring. */
  snapshot?: Snapshot;
  language: Language;
  theme: Theme;
  layout?: LayoutSettings;
  history: string[];
}

/** What the browser tells about its user. */
export interface BrowserPreferences {
  languages: readonly string[];
  prefersDark: boolean;
}

/**
 * The saved cluster is restored unless the URL asks for a fresh one or for another seed than the saved one (a
 * demo link with `?seed=7` must show seed 7's cluster).
 */
export function planBoot(params: UrlParams, ws: Workspace | undefined, browser: BrowserPreferences): BootPlan {
  const saved = ws?.snapshot;
  const restore = saved && !params.fresh && (params.seed === undefined || params.seed === saved.seed) ? saved : undefined;
  return {
    seed: restore?.seed ?? params.seed ?? DEFAULT_SEED,
    paused: params.paused ?? false,
    speed: params.speed ?? ws?.settings?.speed ?? 1,
    ...(restore ? { snapshot: restore } : {}),
    language: params.lang ?? ws?.settings?.language ?? detectLanguage(browser.languages),
    theme: params.theme ?? ws?.settings?.theme ?? (browser.prefersDark ? 'dark' : 'light'),
    ...(ws?.settings?.layout ? { layout: ws.settings.layout } : {}),
    history: ws?.terminal?.history ?? [],
  };
}
