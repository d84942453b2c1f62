/** The cluster's virtual clock (UTC) and the time since the cluster started, with a visible paused state. */
import { useT } from '../i18n';
import { useClusterStore } from '../store/cluster-store';
import { formatClusterDateTime, formatClusterTime, formatElapsed } from './clock-format';
import { useSessionStore } from './session-store';

export function ClusterClock({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const nowMs = useClusterStore((s) => s.nowMs);
  const paused = useClusterStore((s) => s.paused);
  const speed = useClusterStore((s) => s.speed);
  const startTimeMs = useSessionStore((s) => s.startTimeMs);
  const booted = useSessionStore((s) => s.booted);
  if (!booted) {
    return (
      <div className="cluster-clock is-starting" role="status">
        {t('app.starting')}
      </div>
    );
  }
  return (
    <div className={`cluster-clock${compact ? ' is-compact' : ''}`} data-testid={compact ? undefined : 'cluster-clock'}>
      {!compact && <span className="clock-caption">{t('clock.label')}</span>}
      <time className="clock-time" dateTime={new Date(nowMs).toISOString()} title={formatClusterDateTime(nowMs)} data-testid={compact ? undefined : 'cluster-time'}>
        {formatClusterTime(nowMs)}
      </time>
      {startTimeMs !== undefined && (
        <span className="clock-elapsed" title={t('clock.elapsed')} data-testid={compact ? undefined : 'cluster-elapsed'}>
          <span className="visually-hidden">{t('clock.elapsed')}: </span>
          {formatElapsed(nowMs - startTimeMs)}
        </span>
      )}
      <span className={`clock-state${paused ? ' is-paused' : ''}`} data-testid={compact ? undefined : 'clock-state'}>
        {paused ? `❚❚ ${t('clock.paused')}` : `▶ ${t('clock.running', { speed })}`}
      </span>
    </div>
  );
}
