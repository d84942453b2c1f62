/**
 * The app's entry: reads the URL and the saved workspace, starts the simulation worker, and renders the page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchCharts } from './app/BottomDock';
import { planBoot } from './app/boot-plan';
import { clampLayout, useLayoutStore } from './app/layout-store';
import { startSession } from './app/session';
import { installTestHooks } from './app/test-hooks';
import { parseUrlParams } from './app/url-params';
import { setInitialHistory } from './features/terminal';
import { loadWorkspace } from './persistence/workspace';
import { useUiStore } from './store/ui-store';
import './app/theme.css';
import './app/app.css';

async function main(): Promise<void> {
  const params = parseUrlParams(location.search);
  const saved = await loadWorkspace().catch(() => undefined);
  const plan = planBoot(params, saved, {
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  });
  const ui = useUiStore.getState();
  ui.setLanguage(plan.language);
  ui.setTheme(plan.theme);
  if (plan.layout) useLayoutStore.getState().set(clampLayout(plan.layout));
  setInitialHistory(plan.history);
  startSession(plan);
  installTestHooks();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  setTimeout(prefetchCharts, 0);
}

void main();
