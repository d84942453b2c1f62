/** A small modal question with a destructive and a safe answer (Escape and the backdrop choose the safe one). */
import { useEffect, useId, useRef } from 'react';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="kp-editor-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        className="kp-editor-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        ref={dialog}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Tab') {
            // Keep focus inside the two buttons.
            const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
            e.preventDefault();
            buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
          }
        }}
      >
        <h3 id={titleId}>{title}</h3>
        <p id={bodyId}>{body}</p>
        <div className="kp-editor-dialog-actions">
          <button type="button" className="kp-editor-button" ref={cancel} onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="kp-editor-button kp-editor-button-danger" data-testid="editor-confirm-discard" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
