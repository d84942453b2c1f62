/** The cluster's virtual clock (UTC) and the time since the cluster started, with a visible paused state. */
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useClusterStore } from '../store/cluster-store';
import { formatClusterDateTime, formatClusterTime, formatElapsed } from './clock-format';
import { useSessionStore } from './session-store';

/** The clock; `compact` is the one-line version for toolbars (no test ids, no caption). */
export function ClusterClock({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const nowMs = useClusterStore((s) => s.nowMs);
  const paused = useClusterStore((s) => s.paused);
  const speed = useClusterStore((s) => s.speed);
  const startTimeMs = useSessionStore((s) => s.startTimeMs);
  const booted = useSessionStore((s) => s.booted);
  const id = (name: string) => (compact ? undefined : name);
  if (!booted) {
    return (
      <div className="cluster-clock is-starting" role="status">
        {t('app.starting')}
      </div>
    );
  }
  const state = (
    <span className={`clock-state${paused ? ' is-paused' : ''}`} data-testid={id('clock-state')}>
      <Icon name={paused ? 'pause' : 'play'} size={11} />
      {paused ? t('clock.paused') : t('clock.running', { speed })}
    </span>
  );
  const time = (
    <time className="clock-time" dateTime={new Date(nowMs).toISOString()} title={`${t('clock.label')}: ${formatClusterDateTime(nowMs)}`} data-testid={id('cluster-time')}>
      {formatClusterTime(nowMs)}
    </time>
  );
  const elapsed =
    startTimeMs === undefined ? null : (
      <span className="clock-elapsed" title={t('clock.elapsed')} data-testid={id('cluster-elapsed')}>
        <Icon name="clock" size={13} />
        <span className="visually-hidden">{t('clock.elapsed')}: </span>
        {formatElapsed(nowMs - startTimeMs)}
      </span>
    );
  if (compact) {
    return (
      <div className="cluster-clock is-compact">
        {time}
        {elapsed}
        {state}
      </div>
    );
  }
  return (
    <div className="cluster-clock" data-testid="cluster-clock">
      <div className="clock-line">
        <span className="clock-caption">{t('clock.label')}</span>
        {state}
      </div>
      <div className="clock-line">
        {time}
        {elapsed}
      </div>
    </div>
  );
}
