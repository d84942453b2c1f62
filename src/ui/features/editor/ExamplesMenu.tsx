/** The Examples button and its menu of starter manifests; picking one opens it in a tab. */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon';
import { openExample, requestEditorFocus } from './editor-store';
import { EXAMPLES } from './examples';
import { useEditorT } from './strings';

export function ExamplesMenu() {
  const t = useEditorT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = (i + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') root.current?.querySelector<HTMLElement>('button')?.focus();
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    items[next]?.focus();
  };

  return (
    <div className="kp-editor-examples" ref={root}>
      <button
        type="button"
        className="kp-editor-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        title={t('examples.title')}
        data-testid="editor-examples"
        onClick={() => setOpen((o) => !o)}
      >
        {t('examples.button')}
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <ul className="kp-editor-menu" role="menu" id={menuId} aria-label={t('examples.menu')} ref={menu} onKeyDown={onMenuKey}>
          {EXAMPLES.map((ex) => (
            <li key={ex.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={`editor-example-${ex.id}`}
                onClick={() => {
                  openExample(ex.fileName, ex.text);
                  setOpen(false);
                  requestEditorFocus();
                }}
              >
                <span className="kp-editor-menu-label">{t(ex.label)}</span>
                <span className="kp-editor-menu-hint">{t(ex.hint)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
