/**
 * The editor's file tabs: click to bring to front, double-click (or F2) to rename in place, × or middle-click to
 * close, a dot on modified files, arrow keys to move between tabs.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon';
import { activateFile, isModified, renameFile, useEditorStore, type EditorTab } from './editor-store';
import type { FileNameProblem } from './file-names';
import { useEditorT } from './strings';

/** Props of the tab bar. */
export interface TabBarProps {
  /** Asks to close a tab (the panel confirms first when it is modified). */
  onClose(tab: EditorTab): void;
  /** The tab being renamed (controlled by the panel so its Rename button can start it). */
  renamingId: string | undefined;
  setRenamingId(id: string | undefined): void;
}

const PROBLEM_KEYS = { empty: 'tabs.nameEmpty', invalid: 'tabs.nameInvalid', taken: 'tabs.nameTaken' } as const;

export function TabBar({ onClose, renamingId, setRenamingId }: TabBarProps) {
  const t = useEditorT();
  const tabs = useEditorStore((s) => s.tabs);
  const activeId = useEditorStore((s) => s.activeId);
  const list = useRef<HTMLDivElement>(null);

  // Keep the front tab in view when many tabs overflow the strip.
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeId, tabs.length]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (renamingId) return;
    const i = tabs.findIndex((tab) => tab.id === activeId);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else if (e.key === 'F2' && activeId) {
      e.preventDefault();
      setRenamingId(activeId);
      return;
    } else if (e.key === 'Delete' && i >= 0) {
      e.preventDefault();
      onClose(tabs[i]!);
      return;
    }
    if (next < 0 || tabs.length === 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    activateFile(id);
    list.current?.querySelector<HTMLElement>(`[data-tab-id="${id}"]`)?.focus();
  };

  return (
    <div className="kp-editor-tabs" role="tablist" aria-label={t('tabs.label')} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) =>
        tab.id === renamingId ? (
          <RenameField key={tab.id} tab={tab} onDone={() => setRenamingId(undefined)} />
        ) : (
          <div key={tab.id} className="kp-editor-tab" data-active={tab.id === activeId} data-modified={isModified(tab)}>
            <button
              type="button"
              role="tab"
              className="kp-editor-tab-name"
              data-tab-id={tab.id}
              data-testid={`editor-tab-${tab.name}`}
              aria-selected={tab.id === activeId}
              tabIndex={tab.id === activeId ? 0 : -1}
              title={isModified(tab) ? `${tab.name} — ${t('tabs.modified')}` : tab.name}
              onClick={() => activateFile(tab.id)}
              onDoubleClick={() => setRenamingId(tab.id)}
              onAuxClick={(e) => {
                if (e.button === 1) onClose(tab);
              }}
            >
              {tab.name}
              {isModified(tab) && (
                <span className="kp-editor-modified" aria-label={t('tabs.modified')}>
                  ●
                </span>
              )}
            </button>
            <button type="button" className="kp-editor-tab-close" tabIndex={-1} aria-label={t('tabs.close', { file: tab.name })} title={t('tabs.close', { file: tab.name })} onClick={() => onClose(tab)}>
              <Icon name="close" size={12} />
            </button>
          </div>
        ),
      )}
    </div>
  );
}

/** The in-place rename box: Enter keeps the name, Escape or leaving without a valid name cancels. */
function RenameField({ tab, onDone }: { tab: EditorTab; onDone(): void }) {
  const t = useEditorT();
  const [value, setValue] = useState(tab.name);
  const [problem, setProblem] = useState<FileNameProblem | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current!;
    el.focus();
    // Select the stem so typing replaces the name but keeps `.yaml`.
    el.setSelectionRange(0, Math.max(0, tab.name.lastIndexOf('.')));
  }, [tab.name]);
  const commit = (): boolean => {
    if (value.trim() === tab.name) {
      onDone();
      return true;
    }
    const p = renameFile(tab.id, value);
    setProblem(p);
    if (!p) onDone();
    return !p;
  };
  const message = problem ? t(PROBLEM_KEYS[problem], { file: value }) : undefined;
  return (
    <div className="kp-editor-tab kp-editor-tab-renaming" data-active="true">
      <input
        ref={input}
        className="kp-editor-rename"
        value={value}
        size={Math.max(8, value.length)}
        aria-label={t('tabs.renameInput', { file: tab.name })}
        aria-invalid={problem ? true : undefined}
        title={message}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
        onBlur={() => {
          if (!commit()) onDone();
        }}
      />
      {message && (
        <span className="kp-editor-rename-problem" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
