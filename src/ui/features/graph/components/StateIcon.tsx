/**
 * The shape of each pod state, so no state is told by colour alone: filled circle (Ready), half circle (not
 * Ready), hollow circle (Pending; pod chips make it pulse), check (Completed), dashed circle (Terminating),
 * warning triangle (failed). The colour comes from `currentColor`.
 */
import { memo } from 'react';
import type { PodVisualState } from '../model/pod-state';

/** One state's icon at `size` pixels. */
export const StateIcon = memo(function StateIcon({ state, size = 14 }: { state: PodVisualState; size?: number }) {
  return (
    <svg className={`kp-state-icon kp-state-icon--${state}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {shape(state)}
    </svg>
  );
});

function shape(state: PodVisualState) {
  switch (state) {
    case 'ready':
      return <circle cx="8" cy="8" r="6.5" fill="currentColor" />;
    case 'notReady':
      return (
        <>
          <circle cx="8" cy="8" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 2.25 A5.75 5.75 0 0 0 8 13.75 Z" fill="currentColor" />
        </>
      );
    case 'pending':
      return <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />;
    case 'succeeded':
      return (
        <>
          <circle cx="8" cy="8" r="6.5" fill="currentColor" opacity="0.18" />
          <path d="M4.5 8.3 L7 10.8 L11.6 5.6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </>
      );
    case 'terminating':
      return <circle cx="8" cy="8" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.6 2" />;
    case 'failed':
      return (
        <>
          <path d="M8 1.6 L15 14.2 H1 Z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 6 V9.6" stroke="var(--kp-on-failed, #fff)" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="var(--kp-on-failed, #fff)" />
        </>
      );
  }
}
