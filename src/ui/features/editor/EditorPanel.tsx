/**
 * The editor panel: file tabs, the Examples menu and Apply, the Monaco editor (loaded lazily in its own chunk with
 * monaco-yaml and the Kubernetes schema) and the result of the last apply.
 */
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { useUiStore } from '../../store/ui-store';
import { applyTab } from './apply';
import { ApplyResult } from './ApplyResult';
import { ConfirmDialog } from './ConfirmDialog';
import { activeTab, closeFile, isModified, newFile, requestEditorFocus, useEditorStore, type EditorTab } from './editor-store';
import { ExamplesMenu } from './ExamplesMenu';
import { startEditorPersistence } from './persistence';
import { useEditorT } from './strings';
import { installEditorTestSurface } from './test-surface';
import { TabBar } from './TabBar';
import './editor.css';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

/** Macs write the shortcut with the Command key. */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A pencil (rename), drawn like the shell's line icons. */
function PencilIcon() {
  return (
    <svg className="icon" width={15} height={15} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />
    </svg>
  );
}

/** Shows a message instead of the editor when its chunk fails to load (offline after an update, say). */
class LoadBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export function EditorPanel() {
  const t = useEditorT();
  const theme = useUiStore((s) => s.theme);
  const loaded = useEditorStore((s) => s.loaded);
  const tab = useEditorStore((s) => activeTab(s));
  const hasTabs = useEditorStore((s) => s.tabs.length > 0);
  const [renamingId, setRenamingId] = useState<string | undefined>(undefined);
  const [closing, setClosing] = useState<EditorTab | undefined>(undefined);

  useEffect(() => {
    installEditorTestSurface();
    void startEditorPersistence();
  }, []);

  const requestClose = (target: EditorTab) => {
    if (isModified(target)) setClosing(target);
    else closeFile(target.id);
  };

  return (
    <div
      className="kp-editor"
      data-theme={theme}
      data-testid="editor-panel"
      onKeyDown={(e) => {
        // Ctrl/Cmd+Enter anywhere in the panel (Monaco handles it itself while it has focus).
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && tab && !e.defaultPrevented) {
          e.preventDefault();
          void applyTab(tab.id);
        }
      }}
    >
      <div className="kp-editor-bar">
        <TabBar onClose={requestClose} renamingId={renamingId} setRenamingId={setRenamingId} />
        <button
          type="button"
          className="kp-editor-icon-button kp-editor-new"
          aria-label={t('tabs.new')}
          title={t('tabs.newTitle')}
          data-testid="editor-new"
          onClick={() => {
            newFile();
            requestEditorFocus();
          }}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <div className="kp-editor-toolbar">
        <ExamplesMenu />
        <button
          type="button"
          className="kp-editor-button kp-editor-rename-button"
          disabled={!tab}
          aria-label={t('tabs.rename')}
          title={tab ? t('tabs.renameTitle', { file: tab.name }) : undefined}
          onClick={() => tab && setRenamingId(tab.id)}
        >
          <PencilIcon />
          <span className="kp-editor-rename-label">{t('tabs.rename')}</span>
        </button>
        <span className="kp-editor-spacer" />
        <button
          type="button"
          className="kp-editor-button kp-editor-apply"
          disabled={!tab || tab.applying}
          title={tab ? t('apply.title', { file: tab.name }) : undefined}
          data-testid="editor-apply"
          onClick={() => tab && void applyTab(tab.id)}
        >
          <Icon name="play" size={14} />
          {tab?.applying ? t('apply.running') : t('apply.button')}
          <kbd className="kp-editor-kbd">{IS_MAC ? '⌘⏎' : t('apply.shortcut')}</kbd>
        </button>
      </div>
      <div className="kp-editor-body">
        {loaded && (
          <LoadBoundary fallback={(error) => <div className="kp-editor-message" role="alert">{t('loadFailed', { error: error.message })}</div>}>
            <Suspense fallback={<div className="kp-editor-message">{t('loading')}</div>}>
              <MonacoEditor />
            </Suspense>
          </LoadBoundary>
        )}
        {loaded && !hasTabs && (
          <div className="kp-editor-message kp-editor-empty">
            <p>{t('tabs.none')}</p>
            <button
              type="button"
              className="kp-editor-button"
              onClick={() => {
                newFile();
                requestEditorFocus();
              }}
            >
              {t('tabs.new')}
            </button>
          </div>
        )}
      </div>
      <ApplyResult tab={tab} />
      {closing && (
        <ConfirmDialog
          title={t('confirm.closeTitle', { file: closing.name })}
          body={t('confirm.closeBody', { file: closing.name })}
          confirmLabel={t('confirm.discard')}
          cancelLabel={t('confirm.cancel')}
          onConfirm={() => {
            closeFile(closing.id);
            setClosing(undefined);
          }}
          onCancel={() => setClosing(undefined)}
        />
      )}
    </div>
  );
}
