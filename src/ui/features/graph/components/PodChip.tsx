/**
 * One pod as a chip: a row with the state shape and colour, the distinguishing part of its name, a restart badge
 * and kubectl's STATUS text. Compact chips keep the shape and badge and move the text into the hover title.
 * Clicking selects the pod for the inspector.
 */
import { memo, type MouseEvent } from 'react';
import type { KubeObject } from '../../../../engine';
import { useUiStore } from '../../../store/ui-store';
import { podVisual } from '../model/pod-state';
import type { Density } from '../model/types';
import { CHIP, cellPosition } from '../model/geometry';
import { useGraphT } from '../strings';
import { StateIcon } from './StateIcon';

/** Why a pod is still Pending: the scheduler's message on its PodScheduled condition. */
export function pendingReason(pod: KubeObject): string | undefined {
  const conds = (pod.status as { conditions?: { type: string; status: string; message?: string }[] } | undefined)?.conditions ?? [];
  const c = conds.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  return c?.message || undefined;
}

/** The part of the name a chip shows: the name without its controller's prefix. */
export function shortName(name: string, prefix: string): string {
  return prefix && name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

interface PodChipProps {
  id: string;
  pod: KubeObject;
  prefix: string;
  density: Density;
  /** The grid cell; props are primitives or stored objects so memo skips chips that did not change. */
  slot: number;
  leaving?: boolean;
}

/** A pod chip, placed at its cell of the parent grid. */
export const PodChip = memo(function PodChip({ id, pod, prefix, density, slot, leaving }: PodChipProps) {
  const t = useGraphT();
  const selected = useUiStore((s) => s.selected === id);
  const select = useUiStore((s) => s.select);
  const v = podVisual(pod);
  const name = pod.metadata.name;
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const reason = v.state === 'pending' ? pendingReason(pod) : undefined;
  const title = [
    `${pod.metadata.namespace}/${name}`,
    `${v.status} · ${v.ready}${v.restarts > 0 ? ` · ${t('chip.restarts', { count: v.restarts })}` : ''}`,
    node ? t('chip.node', { node }) : undefined,
    reason,
  ].filter(Boolean).join('\n');
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    select(id);
  };
  const size = CHIP[density];
  const cell = cellPosition(slot, density);
  const style = { left: cell.x, top: cell.y, width: size.w, height: size.h };
  const cls = `kp-chip kp-chip--${density} kp-s-${v.state}${selected ? ' is-selected' : ''}${leaving ? ' is-leaving' : ''}`;
  return (
    <button type="button" className={cls} style={style} data-id={leaving ? undefined : id} data-state={v.state} title={title} aria-label={`${name}: ${v.status}`} aria-pressed={selected} onClick={onClick} tabIndex={leaving ? -1 : 0}>
      {/* Only named chips pulse: a pulse is one composited animation per chip, too many once chips are compact. */}
      <span className={`kp-chip__icon${v.state === 'pending' && density === 'comfortable' ? ' kp-pulse' : ''}`}><StateIcon state={v.state} size={density === 'compact' ? 12 : 14} /></span>
      {density === 'comfortable' && <span className="kp-chip__name">{shortName(name, prefix)}</span>}
      {v.restarts > 0 && <span className="kp-chip__restarts" title={t('chip.restarts', { count: v.restarts })}>{density === 'compact' ? v.restarts : `↻${v.restarts}`}</span>}
      {density === 'comfortable' && <span className="kp-chip__status">{v.status}</span>}
    </button>
  );
});
