/**
 * Shown when the simulation worker failed: what happened, and a restart from the last snapshot. The panels stay
 * mounted underneath, so nothing typed in the editor is lost.
 */
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { formatClusterDateTime } from './clock-format';
import { recoverySnapshot, restartFresh, restartFromSnapshot } from './session';
import { useSessionStore } from './session-store';

export function CrashBanner() {
  const t = useT();
  const crash = useSessionStore((s) => s.crash);
  const seed = useSessionStore((s) => s.seed);
  if (!crash) return null;
  const snapshot = recoverySnapshot();
  return (
    <div className="crash-banner" role="alert" data-testid="crash-banner">
      <Icon name="alert" size={22} />
      <div className="crash-text">
        <strong>{t('crash.title')}</strong>
        <span>{t('crash.body')}</span>
        <code className="crash-message">{t('crash.message', { message: crash.message })}</code>
        <span className="crash-snapshot">{snapshot ? t('crash.snapshotInfo', { commands: snapshot.log.length, time: formatClusterDateTime(snapshot.nowMs) }) : t('crash.noSnapshot', { seed })}</span>
        {crash.recentTasks && (
          <details>
            <summary>{t('crash.recentTasks')}</summary>
            <pre>{crash.recentTasks}</pre>
          </details>
        )}
      </div>
      <div className="crash-actions">
        <button type="button" className="primary-button" onClick={restartFromSnapshot} autoFocus>
          {t('crash.restart')}
        </button>
        <button type="button" className="text-button" onClick={restartFresh}>
          {t('crash.restartFresh')}
        </button>
      </div>
    </div>
  );
}

/** A dismissable message about the workspace (an import that failed). */
export function NoticeBar() {
  const notice = useSessionStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice-bar" role="alert">
      <Icon name="alert" size={18} />
      <span>{notice}</span>
      <button type="button" className="icon-button" aria-label="OK" onClick={() => useSessionStore.setState({ notice: undefined })}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
