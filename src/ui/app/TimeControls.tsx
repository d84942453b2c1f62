/** Pause/run, speed and step buttons of the cluster clock. */
import { SPEEDS } from '../../protocol/messages';
import { bridge } from '../bridge/instance';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useClusterStore } from '../store/cluster-store';

/** The step buttons: label and virtual milliseconds. */
export const STEPS = [
  { label: '+1s', ms: 1_000 },
  { label: '+10s', ms: 10_000 },
  { label: '+1m', ms: 60_000 },
] as const;

export function TimeControls() {
  const t = useT();
  const paused = useClusterStore((s) => s.paused);
  const speed = useClusterStore((s) => s.speed);
  return (
    <div className="time-controls" role="group" aria-label={t('time.controls')}>
      <button
        type="button"
        className={`icon-button play-button${paused ? ' is-paused' : ''}`}
        onClick={() => (paused ? bridge.resume() : bridge.pause())}
        aria-label={paused ? t('time.resume') : t('time.pause')}
        title={paused ? t('time.resume') : t('time.pause')}
        data-testid="play-pause"
      >
        <Icon name={paused ? 'play' : 'pause'} size={18} />
      </button>
      <div className="segmented" role="group" aria-label={t('time.speed')}>
        {SPEEDS.map((s) => (
          <button key={s} type="button" className="segment" aria-pressed={s === speed} title={t('time.speedOption', { speed: s })} onClick={() => bridge.setSpeed(s)}>
            {s}×
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label={t('time.controls')}>
        {STEPS.map((step) => (
          <button key={step.label} type="button" className="segment" title={t('time.step', { step: step.label })} onClick={() => bridge.step(step.ms)}>
            {step.label}
          </button>
        ))}
      </div>
    </div>
  );
}
