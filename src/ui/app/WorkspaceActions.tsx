/** Reset cluster, export and import of the workspace file. */
import { useRef, useState } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { exportWorkspace, importWorkspace, resetCluster } from './session';
import { useSessionStore } from './session-store';

export function WorkspaceActions() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const onReset = () => {
    const seed = useSessionStore.getState().seed;
    if (window.confirm(t('workspace.resetConfirm', { seed }))) void run(resetCluster);
  };
  return (
    <div className="workspace-actions" role="group" aria-label={t('workspace.actions')}>
      <button type="button" className="text-button" onClick={onReset} title={t('workspace.resetTitle')} disabled={busy}>
        <Icon name="reset" size={16} />
        <span>{t('workspace.reset')}</span>
      </button>
      <button type="button" className="text-button is-compactable" onClick={() => void run(exportWorkspace)} title={t('workspace.exportTitle')} disabled={busy}>
        <Icon name="download" size={16} />
        <span>{t('workspace.export')}</span>
      </button>
      <button type="button" className="text-button is-compactable" onClick={() => input.current?.click()} title={t('workspace.importTitle')} disabled={busy}>
        <Icon name="upload" size={16} />
        <span>{t('workspace.import')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-workspace-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(() => importWorkspace(file));
        }}
      />
    </div>
  );
}
