/**
 * An accessible tab strip (WAI-ARIA tabs with automatic activation): arrow keys move between tabs, Home/End jump.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

export interface TabsProps<K extends string> {
  /** Prefix of the tab and panel ids (`<idPrefix>-tab-<key>`, `<idPrefix>-panel-<key>`). */
  idPrefix: string;
  label: string;
  tabs: readonly TabItem<K>[];
  active: K;
  onSelect(key: K): void;
}

/** Id of the panel a tab controls. */
export function tabPanelId(idPrefix: string, key: string): string {
  return `${idPrefix}-panel-${key}`;
}

/** Id of a tab. */
export function tabId(idPrefix: string, key: string): string {
  return `${idPrefix}-tab-${key}`;
}

export function Tabs<K extends string>({ idPrefix, label, tabs, active, onSelect }: TabsProps<K>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.key === active);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    const key = tabs[next]!.key;
    onSelect(key);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(idPrefix, key))}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          id={tabId(idPrefix, t.key)}
          className="tab"
          aria-selected={t.key === active}
          aria-controls={tabPanelId(idPrefix, t.key)}
          tabIndex={t.key === active ? 0 : -1}
          onClick={() => onSelect(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
