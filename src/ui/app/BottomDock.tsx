/**
 * The bottom dock: terminal · events · charts as tabs. A tab stays mounted once opened (the terminal keeps its
 * scrollback, the charts their history); hidden tabs are told they are inactive so they can stop rendering.
 */
import { lazy, Suspense, useState } from 'react';
import { Icon } from '../components/Icon';
import { tabPanelId, Tabs, tabId } from '../components/Tabs';
import { TerminalPanel } from '../features/terminal';
import { EventsTimeline } from '../features/timeline';
import { useT } from '../i18n';
import type { DockTab } from '../persistence/workspace';
import { useLayoutStore } from './layout-store';

const DOCK_TABS: readonly DockTab[] = ['terminal', 'events', 'charts'];

// Recharts is about 90 KiB gzip: the charts load in their own chunk, fetched right after start (see
// prefetchCharts) so their sampling still begins with the session.
const loadCharts = () => import('../features/charts');
const ChartsPanel = lazy(() => loadCharts().then((m) => ({ default: m.ChartsPanel })));

/** Loads the charts chunk once the page is up, off the first load's critical path. */
export function prefetchCharts(): void {
  void loadCharts();
}

export function BottomDock({ id }: { id: string }) {
  const t = useT();
  const tab = useLayoutStore((s) => s.dockTab);
  const collapsed = useLayoutStore((s) => s.dockCollapsed);
  const height = useLayoutStore((s) => s.dockHeight);
  const showDockTab = useLayoutStore((s) => s.showDockTab);
  const toggle = useLayoutStore((s) => s.toggle);
  const [visited, setVisited] = useState<ReadonlySet<DockTab>>(() => new Set([tab]));
  if (!visited.has(tab) && !collapsed) setVisited(new Set([...visited, tab]));
  const labels: Record<DockTab, string> = { terminal: t('dock.terminal'), events: t('dock.events'), charts: t('dock.charts') };
  const title = t('panel.dock');
  return (
    <section className={`dock${collapsed ? ' is-collapsed' : ''}`} id={id} aria-label={title} style={collapsed ? undefined : { height }}>
      <header className="dock-header">
        <Tabs idPrefix="dock" label={title} tabs={DOCK_TABS.map((k) => ({ key: k, label: labels[k] }))} active={tab} onSelect={showDockTab} />
        <div className="top-bar-spacer" />
        <button
          type="button"
          className="icon-button"
          onClick={() => toggle('dock')}
          aria-label={collapsed ? t('panel.expand', { panel: title }) : t('panel.collapse', { panel: title })}
          title={collapsed ? t('panel.expand', { panel: title }) : t('panel.collapse', { panel: title })}
          aria-expanded={!collapsed}
          aria-controls={id}
        >
          <Icon name={collapsed ? 'chevronUp' : 'chevronDown'} size={16} />
        </button>
      </header>
      {DOCK_TABS.filter((k) => visited.has(k)).map((k) => {
        const active = k === tab && !collapsed;
        return (
          <div key={k} className="dock-body" role="tabpanel" id={tabPanelId('dock', k)} aria-labelledby={tabId('dock', k)} hidden={!active}>
            {k === 'terminal' && <TerminalPanel active={active} />}
            {k === 'events' && <EventsTimeline active={active} />}
            {k === 'charts' && (
              <Suspense fallback={<div className="dock-loading">…</div>}>
                <ChartsPanel active={active} />
              </Suspense>
            )}
          </div>
        );
      })}
    </section>
  );
}
