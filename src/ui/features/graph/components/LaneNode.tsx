/**
 * A node of the cluster as a lane: header with name, role, Ready state, kubelet version and CPU / memory bars
 * (requested vs allocatable), then its pods. A cordoned node is hatched; a NotReady node is red and dimmed.
 */
import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';
import type { KubeObject } from '../../../../engine';
import { useUiStore } from '../../../store/ui-store';
import { LANE_HEADER, TRAY_HEADER } from '../model/geometry';
import { formatCpu, formatMem } from '../model/resources';
import type { LaneData } from '../model/types';
import { useGraphT } from '../strings';
import { PodGroups } from './PodGroups';
import { pendingReason } from './PodChip';

type LaneNodeType = Node<LaneData & Record<string, unknown>, 'lane'>;
type TrayNodeType = Node<LaneData & Record<string, unknown>, 'tray'>;

/** Ready, NotReady or Unknown from the node's Ready condition. */
export function nodeReadyState(node: KubeObject): 'Ready' | 'NotReady' | 'Unknown' {
  const c = ((node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).find((x) => x.type === 'Ready');
  return c?.status === 'True' ? 'Ready' : c?.status === 'False' ? 'NotReady' : 'Unknown';
}

function isControlPlane(node: KubeObject): boolean {
  return node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
}

function Bar({ label, requested, allocatable, format, resource }: { label: string; requested: number; allocatable: number; format: (n: number) => string; resource: string }) {
  const t = useGraphT();
  const pct = allocatable > 0 ? Math.round((requested / allocatable) * 100) : 0;
  const level = pct > 90 ? 'high' : pct > 70 ? 'mid' : 'low';
  const text = `${format(requested)} / ${format(allocatable)}`;
  return (
    <div className="kp-bar" title={t('lane.requested.title', { resource, requested: format(requested), allocatable: format(allocatable), percent: pct })}>
      <span className="kp-bar__label">{label}</span>
      <span className="kp-bar__track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(pct, 100)} aria-label={label}>
        <span className={`kp-bar__fill kp-bar__fill--${level}`} style={{ width: `${Math.min(pct, 100)}%` }} />
      </span>
      <span className="kp-bar__value">{text}</span>
    </div>
  );
}

/** The React Flow node of a cluster node lane. */
export const LaneNode = memo(function LaneNode({ id, data }: NodeProps<LaneNodeType>) {
  const t = useGraphT();
  const selected = useUiStore((s) => s.selected === id);
  const node = data.node!;
  const ready = nodeReadyState(node);
  const cordoned = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  const version = (node.status as { nodeInfo?: { kubeletVersion?: string } } | undefined)?.nodeInfo?.kubeletVersion ?? '';
  const podCount = data.groups.reduce((n, g) => n + g.items.length, 0);
  const cls = `kp-lane${ready !== 'Ready' ? ' is-not-ready' : ''}${cordoned ? ' is-cordoned' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <div className={cls} title={t('select.title', { id })}>
      <div className="kp-lane__header" style={{ height: LANE_HEADER }}>
        <div className="kp-lane__title">
          <svg className="kp-lane__glyph" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="2" width="13" height="5" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <rect x="1.5" y="9" width="13" height="5" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <circle cx="4.5" cy="4.5" r="0.9" fill="currentColor" />
            <circle cx="4.5" cy="11.5" r="0.9" fill="currentColor" />
          </svg>
          <span className="kp-lane__name">{node.metadata.name}</span>
          {/* Ready shows as a tick (its word on hover) to leave the name room; trouble is spelled out. */}
          <span className={`kp-ready kp-ready--${ready}`} title={ready === 'Ready' ? 'Ready' : t('lane.notReady.title')}>
            {ready === 'Ready' ? '✓' : `✕ ${ready}`}
          </span>
        </div>
        <Bar label={t('lane.cpu')} resource="CPU" requested={data.requested.cpuMilli} allocatable={data.allocatable.cpuMilli} format={formatCpu} />
        <Bar label={t('lane.memory')} resource={t('lane.memory')} requested={data.requested.memBytes} allocatable={data.allocatable.memBytes} format={formatMem} />
        <div className="kp-lane__meta">
          <span className="kp-tag">{isControlPlane(node) ? 'control-plane' : t('lane.worker')}</span>
          {cordoned && <span className="kp-tag kp-tag--warn" title={t('lane.cordoned.title')}>⊘ SchedulingDisabled</span>}
          <span className="kp-lane__pods">{podCount === 0 ? t('lane.noPods') : podCount === 1 ? t('lane.onePod') : t('lane.pods', { count: podCount })}</span>
          <span className="kp-lane__version" title={t('lane.version', { version })}>{version}</span>
        </div>
      </div>
      <div className="kp-lane__body">
        <PodGroups groups={data.groups} density={data.density} height={data.bodyHeight} emptyText="" />
      </div>
    </div>
  );
});

/** The scheduler's message most of the waiting pods share (what a teacher wants the room to read). */
function commonReason(data: LaneData): string | undefined {
  const counts = new Map<string, number>();
  for (const g of data.groups) for (const i of g.items) {
    const r = pendingReason(i.pod);
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [r, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n > bestCount) [best, bestCount] = [r, n];
  return best;
}

/** The React Flow node of the unscheduled tray. */
export const TrayNode = memo(function TrayNode({ data }: NodeProps<TrayNodeType>) {
  const t = useGraphT();
  const count = data.groups.reduce((n, g) => n + g.items.length, 0);
  const reason = commonReason(data);
  return (
    <div className="kp-lane kp-lane--tray">
      <div className="kp-lane__header kp-tray__header" style={{ height: TRAY_HEADER }} title={t('tray.hint')}>
        <div className="kp-lane__title">
          <span className="kp-lane__name">{t('tray.title')}</span>
          <span className="kp-group__count">{count}</span>
        </div>
        <div className="kp-tray__hint">{t('tray.hint')}</div>
        {reason && <div className="kp-tray__reason" title={reason}>{reason}</div>}
      </div>
      <div className="kp-lane__body">
        <PodGroups groups={data.groups} density={data.density} height={data.bodyHeight} emptyText="" />
      </div>
    </div>
  );
});
