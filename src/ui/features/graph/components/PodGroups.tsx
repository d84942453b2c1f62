/**
 * The pod area of a lane or card: one block per controller, each a header and a grid of chips at their sticky
 * cells (or a counter chip when collapsed). Pods that just disappeared stay for a moment as fading ghosts.
 */
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useGraphStore } from '../graph-store';
import { COUNTER_HEIGHT, GROUP_GAP, GROUP_HEADER, LANE_PAD, gridHeight } from '../model/geometry';
import { STATE_ORDER } from '../model/pod-state';
import type { Density, PodGroup, PodItem } from '../model/types';
import { useGraphT } from '../strings';
import { PodChip } from './PodChip';
import { StateIcon } from './StateIcon';
import { useReducedMotion } from './useReducedMotion';

/** How long a removed pod stays visible while it fades out. */
export const LEAVE_MS = 200;

/** Groups do not show a collapse button below this many pods (a counter would not save space). */
export const MIN_COLLAPSIBLE = 6;

const NO_ITEMS: readonly PodItem[] = [];

/** Pods that were in `items` on an earlier render and are gone now, kept for LEAVE_MS (named chips only). */
function useLeavingItems(items: readonly PodItem[], animate: boolean): PodItem[] {
  const reduced = useReducedMotion() || !animate;
  const prev = useRef<readonly PodItem[]>(items);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [leaving, setLeaving] = useState<PodItem[]>([]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    const before = prev.current;
    prev.current = items;
    if (reduced || before === items) return;
    const now = new Set(items.map((i) => i.id));
    const gone = before.filter((i) => !now.has(i.id));
    if (gone.length === 0) return;
    setLeaving((l) => [...l.filter((x) => !now.has(x.id)), ...gone]);
    // Each batch of ghosts has its own timer, so a quick second change does not strand the first batch.
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setLeaving((l) => l.filter((x) => !gone.includes(x)));
    }, LEAVE_MS);
    timers.current.add(timer);
  }, [items, reduced]);
  return leaving;
}

interface GroupProps {
  group: PodGroup;
  density: Density;
  showHeader: boolean;
}

const PodGroupBlock = memo(function PodGroupBlock({ group, density, showHeader }: GroupProps) {
  const t = useGraphT();
  const setCollapsed = useGraphStore((s) => s.setCollapsed);
  const leaving = useLeavingItems(group.collapsed ? NO_ITEMS : group.items, density === 'comfortable');
  const count = group.items.length;
  const label = group.labelKind === 'Node' ? t('group.static') : group.label || t('group.standalone');
  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    setCollapsed(group.collapseKey, !group.collapsed);
  };
  return (
    <div className="kp-group">
      {showHeader && <div className="kp-group__header" style={{ height: GROUP_HEADER }} title={group.labelKind === 'Node' ? t('group.static.title', { node: group.label }) : undefined}>
        <span className="kp-group__label">{label}</span>
        {group.labelKind && group.labelKind !== 'Node' && <span className="kp-tag">{group.labelKind}</span>}
        {group.revision && <span className="kp-tag kp-tag--rev">{t('group.revision', { revision: group.revision })}</span>}
        <span className="kp-group__count">{count}</span>
        {(count >= MIN_COLLAPSIBLE || group.collapsed) && (
          <button type="button" className="kp-icon-button" onClick={toggle} title={group.collapsed ? t('group.expand', { count }) : t('group.collapse')} aria-label={group.collapsed ? t('group.expand', { count }) : t('group.collapse')} aria-expanded={!group.collapsed}>
            {group.collapsed ? '⊞' : '⊟'}
          </button>
        )}
      </div>}
      {group.collapsed ? (
        <button type="button" className="kp-counter" style={{ height: COUNTER_HEIGHT }} onClick={toggle} data-group={group.ownerId ?? group.key} title={t('group.counter.title', { label, count })}>
          <span className="kp-counter__label">{label} ×{count}</span>
          <span className="kp-counter__states">
            {STATE_ORDER.filter((s) => group.counts[s] > 0).map((s) => (
              <span key={s} className={`kp-counter__state kp-s-${s}`}>
                <StateIcon state={s} size={11} />
                {group.counts[s]}
              </span>
            ))}
          </span>
        </button>
      ) : (
        <div className="kp-grid" style={{ height: gridHeight(group.cells, density) }}>
          {group.items.map((i) => (
            <PodChip key={i.id} id={i.id} pod={i.pod} prefix={group.prefix} density={density} slot={i.slot} />
          ))}
          {leaving.map((i) => (
            <PodChip key={`leaving:${i.id}`} id={i.id} pod={i.pod} prefix={group.prefix} density={density} slot={i.slot} leaving />
          ))}
        </div>
      )}
    </div>
  );
});

interface PodGroupsProps {
  groups: readonly PodGroup[];
  density: Density;
  height: number;
  emptyText: string;
  /** Group headers name each owner; cards of a single owner leave them out (their title names it). */
  showHeaders?: boolean;
}

/** The pod area: groups stacked with fixed gaps, exactly `height` tall. */
export const PodGroups = memo(function PodGroups({ groups, density, height, emptyText, showHeaders = true }: PodGroupsProps) {
  return (
    <div className="kp-groups" style={{ height, padding: groups.length ? LANE_PAD : 0, gap: GROUP_GAP }}>
      {groups.length === 0 ? <div className="kp-empty-note">{emptyText}</div> : groups.map((g) => <PodGroupBlock key={g.key} group={g} density={density} showHeader={showHeaders} />)}
    </div>
  );
});
