/** Editor | graph | inspector side by side above the bottom dock, with splitters between them. */
import { useEffect, useState } from 'react';
import { PanelFrame } from '../components/PanelFrame';
import { Splitter } from '../components/Splitter';
import { EditorPanel } from '../features/editor';
import { GraphPanel } from '../features/graph';
import { InspectorPanel } from '../features/inspector';
import { useT } from '../i18n';
import { BottomDock } from './BottomDock';
import { LAYOUT_LIMITS, useLayoutStore } from './layout-store';

function useWindowSize() {
  const [size, setSize] = useState(() => ({ w: window.innerWidth, h: window.innerHeight }));
  useEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

export function MainLayout() {
  const t = useT();
  const l = useLayoutStore();
  const { w, h } = useWindowSize();
  const editorTitle = t('panel.editor');
  const inspectorTitle = t('panel.inspector');
  const graphTitle = t('panel.graph');
  // Side panels never squeeze the graph below its minimum; the dock leaves room for the panels above it.
  const sideRoom = Math.max(LAYOUT_LIMITS.sideMin, w - LAYOUT_LIMITS.graphMin - (l.editorCollapsed ? 0 : l.editorWidth) - (l.inspectorCollapsed ? 0 : l.inspectorWidth));
  const editorMax = Math.min(LAYOUT_LIMITS.sideMax, l.editorWidth + sideRoom - LAYOUT_LIMITS.sideMin);
  const inspectorMax = Math.min(LAYOUT_LIMITS.sideMax, l.inspectorWidth + sideRoom - LAYOUT_LIMITS.sideMin);
  const dockMax = Math.max(LAYOUT_LIMITS.dockMin, Math.min(LAYOUT_LIMITS.dockMax, h - 48 - 160));
  const editorWidth = Math.min(l.editorWidth, Math.max(LAYOUT_LIMITS.sideMin, editorMax));
  const inspectorWidth = Math.min(l.inspectorWidth, Math.max(LAYOUT_LIMITS.sideMin, inspectorMax));
  const dockHeight = Math.min(l.dockHeight, dockMax);

  return (
    <div className="workspace" style={{ ['--dock-height' as string]: `${dockHeight}px` }}>
      <div className="main-row">
        <PanelFrame
          id="editor-panel"
          side="left"
          title={editorTitle}
          collapsed={l.editorCollapsed}
          onToggle={() => l.toggle('editor')}
          collapseLabel={t('panel.collapse', { panel: editorTitle })}
          expandLabel={t('panel.expand', { panel: editorTitle })}
          style={{ width: editorWidth }}
        >
          <EditorPanel />
        </PanelFrame>
        {!l.editorCollapsed && (
          <Splitter orientation="vertical" value={editorWidth} min={LAYOUT_LIMITS.sideMin} max={Math.max(LAYOUT_LIMITS.sideMin, editorMax)} direction={1} onChange={(v) => l.set({ editorWidth: v })} label={t('panel.resize', { panel: editorTitle })} controls="editor-panel" />
        )}
        <main className="panel graph-panel" id="graph-panel" aria-label={graphTitle} tabIndex={-1}>
          <div className="panel-body">
            <GraphPanel />
          </div>
        </main>
        {!l.inspectorCollapsed && (
          <Splitter orientation="vertical" value={inspectorWidth} min={LAYOUT_LIMITS.sideMin} max={Math.max(LAYOUT_LIMITS.sideMin, inspectorMax)} direction={-1} onChange={(v) => l.set({ inspectorWidth: v })} label={t('panel.resize', { panel: inspectorTitle })} controls="inspector-panel" />
        )}
        <PanelFrame
          id="inspector-panel"
          side="right"
          title={inspectorTitle}
          collapsed={l.inspectorCollapsed}
          onToggle={() => l.toggle('inspector')}
          collapseLabel={t('panel.collapse', { panel: inspectorTitle })}
          expandLabel={t('panel.expand', { panel: inspectorTitle })}
          style={{ width: inspectorWidth }}
        >
          <InspectorPanel />
        </PanelFrame>
      </div>
      {!l.dockCollapsed && (
        <Splitter orientation="horizontal" value={dockHeight} min={LAYOUT_LIMITS.dockMin} max={dockMax} direction={-1} onChange={(v) => l.set({ dockHeight: v })} label={t('panel.resize', { panel: t('panel.dock') })} controls="dock" />
      )}
      <BottomDock id="dock" />
    </div>
  );
}
