/**
 * Workload cards of the Workloads view. Deployments and CronJobs are summary cards (replicas, rollout state,
 * image, strategy or schedule); ReplicaSets, StatefulSets, DaemonSets, Jobs and the loose-pods card hold their
 * pods.
 */
import { memo, type ReactNode } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { KubeObject } from '../../../../engine';
import { useUiStore } from '../../../store/ui-store';
import { POD_CARD_HEADER } from '../model/layout-workloads';
import { groupsHeight } from '../model/geometry';
import type { WorkloadData } from '../model/types';
import { useGraphT } from '../strings';
import { MIN_COLLAPSIBLE, PodGroups } from './PodGroups';
import { useGraphStore } from '../graph-store';
import { StateIcon } from './StateIcon';
import type { PodVisualState } from '../model/pod-state';

type WorkloadNodeType = Node<WorkloadData & Record<string, unknown>, 'workload'>;

interface ReplicaStatus {
  replicas?: number;
  readyReplicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  desiredNumberScheduled?: number;
  numberReady?: number;
  succeeded?: number;
  failed?: number;
  active?: { name: string }[];
}

function statusOf(obj: KubeObject): ReplicaStatus {
  return (obj.status ?? {}) as ReplicaStatus;
}

function specOf<T>(obj: KubeObject): T {
  return (obj.spec ?? {}) as T;
}

/** The shape for "ready of desired": all ready, some not ready yet, or none scheduled. */
function readinessState(ready: number, desired: number): PodVisualState {
  if (desired === 0 || ready >= desired) return ready > 0 || desired === 0 ? 'ready' : 'pending';
  return ready === 0 ? 'pending' : 'notReady';
}

function firstImage(obj: KubeObject): string {
  const tpl = specOf<{ template?: { spec?: { containers?: { image?: string }[] } }; jobTemplate?: { spec?: { template?: { spec?: { containers?: { image?: string }[] } } } } }>(obj);
  const containers = tpl.template?.spec?.containers ?? tpl.jobTemplate?.spec?.template?.spec?.containers ?? [];
  return containers.map((c) => c.image ?? '').join(', ');
}

function ReadyLine({ ready, desired }: { ready: number; desired: number }) {
  const t = useGraphT();
  const state = readinessState(ready, desired);
  return (
    <span className={`kp-readyline kp-s-${state}`}>
      <StateIcon state={state} size={12} />
      {t('workload.ready', { ready, desired })}
    </span>
  );
}

function Card({ id, kind, name, tags, children, className, handles }: { id: string; kind: string; name: string; tags?: ReactNode; children: ReactNode; className?: string | undefined; handles?: 'parent' | 'child' | undefined }) {
  const t = useGraphT();
  const selected = useUiStore((s) => s.selected === id);
  return (
    <div className={`kp-card kp-card--${kind.toLowerCase()}${selected ? ' is-selected' : ''}${className ? ` ${className}` : ''}`} title={t('select.title', { id })}>
      {handles === 'child' && <Handle type="target" position={Position.Top} className="kp-handle" isConnectable={false} />}
      <div className="kp-card__title">
        <span className="kp-card__name kp-card__name--mono" title={`${kind} ${name}`}>{name}</span>
        {tags}
      </div>
      {children}
      {handles === 'parent' && <Handle type="source" position={Position.Bottom} className="kp-handle" isConnectable={false} />}
    </div>
  );
}

/** Collapse or expand a card's pods (cards without group headers carry the button on their summary line). */
function CollapseToggle({ data }: { data: WorkloadData }) {
  const t = useGraphT();
  const setCollapsed = useGraphStore((s) => s.setCollapsed);
  const group = data.groups?.[0];
  if (!group || data.showHeaders || (group.items.length < MIN_COLLAPSIBLE && !group.collapsed)) return null;
  const label = group.collapsed ? t('group.expand', { count: group.items.length }) : t('group.collapse');
  return (
    <button type="button" className="kp-icon-button kp-card__toggle" onClick={(e) => { e.stopPropagation(); setCollapsed(group.collapseKey, !group.collapsed); }} title={label} aria-label={label} aria-expanded={!group.collapsed}>
      {group.collapsed ? '⊞' : '⊟'}
    </button>
  );
}

/** A rollout is in progress while the controller has not caught up or not every replica runs the new template. */
function isRollingOut(obj: KubeObject): boolean {
  const st = statusOf(obj);
  const desired = specOf<{ replicas?: number }>(obj).replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  return (st.observedGeneration ?? 0) < (obj.metadata.generation ?? 0) || updated < desired || (st.replicas ?? 0) > updated || (st.availableReplicas ?? 0) < updated;
}

function DeploymentBody({ obj, hidden }: { obj: KubeObject; hidden?: number }) {
  const t = useGraphT();
  const st = statusOf(obj);
  const spec = specOf<{ replicas?: number; strategy?: { type?: string; rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number } } }>(obj);
  const desired = spec.replicas ?? 1;
  const strategy = spec.strategy?.type === 'Recreate' ? 'Recreate' : `RollingUpdate ${spec.strategy?.rollingUpdate?.maxSurge ?? '25%'}/${spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%'}`;
  return (
    <>
      <div className="kp-card__line">
        <span className="kp-tag">Deployment</span>
        <ReadyLine ready={st.readyReplicas ?? 0} desired={desired} />
      </div>
      <div className="kp-card__line kp-mono kp-ellipsis" title={firstImage(obj)}>{firstImage(obj)}</div>
      <div className="kp-card__line kp-muted">{t('workload.strategy', { strategy })}</div>
      {hidden ? <div className="kp-card__line kp-muted">{t('workload.hiddenReplicaSets', { count: hidden })}</div> : null}
    </>
  );
}

function CronJobBody({ obj, hidden }: { obj: KubeObject; hidden?: number }) {
  const t = useGraphT();
  const spec = specOf<{ schedule?: string; suspend?: boolean }>(obj);
  const active = statusOf(obj).active?.length ?? 0;
  return (
    <>
      <div className="kp-card__line">
        <span className="kp-tag">CronJob</span>
        <span className="kp-mono">{t('workload.schedule', { schedule: spec.schedule ?? '' })}</span>
        {spec.suspend && <span className="kp-tag kp-tag--warn">{t('workload.suspended')}</span>}
      </div>
      <div className="kp-card__line kp-muted">{t('workload.active', { count: active })}</div>
      <div className="kp-card__line kp-mono kp-ellipsis" title={firstImage(obj)}>{firstImage(obj)}</div>
      {hidden ? <div className="kp-card__line kp-muted">{t('workload.hiddenJobs', { count: hidden })}</div> : null}
    </>
  );
}

function PodCardSummary({ obj, data }: { obj: KubeObject; data: WorkloadData }) {
  const t = useGraphT();
  const st = statusOf(obj);
  switch (obj.kind) {
    case 'ReplicaSet':
      return (
        <div className="kp-card__line">
          <span className="kp-tag">ReplicaSet</span>
          <ReadyLine ready={st.readyReplicas ?? 0} desired={specOf<{ replicas?: number }>(obj).replicas ?? 0} />
          {data.isCurrent && <span className="kp-tag kp-tag--accent">{t('workload.current')}</span>}
          <CollapseToggle data={data} />
        </div>
      );
    case 'StatefulSet':
      return (
        <div className="kp-card__line">
          <span className="kp-tag">StatefulSet</span>
          <ReadyLine ready={st.readyReplicas ?? 0} desired={specOf<{ replicas?: number }>(obj).replicas ?? 1} />
          <CollapseToggle data={data} />
        </div>
      );
    case 'DaemonSet':
      return (
        <div className="kp-card__line">
          <span className="kp-tag">DaemonSet</span>
          <ReadyLine ready={st.numberReady ?? 0} desired={st.desiredNumberScheduled ?? 0} />
          <CollapseToggle data={data} />
        </div>
      );
    case 'Job': {
      const completions = specOf<{ completions?: number }>(obj).completions ?? 1;
      const succeeded = st.succeeded ?? 0;
      return (
        <div className="kp-card__line">
          <span className="kp-tag">Job</span>
          <span className={`kp-readyline kp-s-${succeeded >= completions ? 'succeeded' : 'pending'}`}>
            <StateIcon state={succeeded >= completions ? 'succeeded' : 'pending'} size={12} />
            {t('workload.completions', { succeeded, completions })}
          </span>
          {(st.failed ?? 0) > 0 && <span className="kp-tag kp-tag--danger">{t('workload.failed', { failed: st.failed ?? 0 })}</span>}
          <CollapseToggle data={data} />
        </div>
      );
    }
    default:
      return null;
  }
}

function podsLabel(t: ReturnType<typeof useGraphT>, count: number): string {
  return count === 1 ? t('lane.onePod') : t('lane.pods', { count });
}

/** The React Flow node of every workload card. */
export const WorkloadNode = memo(function WorkloadNode({ id, data }: NodeProps<WorkloadNodeType>) {
  const t = useGraphT();
  const obj = data.obj;
  if (!obj) {
    // The loose-pods card.
    const groups = data.groups ?? [];
    return (
      <div className="kp-card kp-card--pods">
        <div className="kp-card__title">
          <span className="kp-card__name">{t('group.standalone')}</span>
        </div>
        <div className="kp-card__summary" style={{ height: POD_CARD_HEADER - 34 }}>
          <div className="kp-card__line kp-muted">{podsLabel(t, groups.reduce((n, g) => n + g.items.length, 0))}<CollapseToggle data={data} /></div>
        </div>
        <PodGroups groups={groups} density={data.density} height={groupsHeight(groups, data.density, !!data.showHeaders)} emptyText="" showHeaders={!!data.showHeaders} />
      </div>
    );
  }
  if (obj.kind === 'Deployment' || obj.kind === 'CronJob') {
    const rolling = obj.kind === 'Deployment' && isRollingOut(obj);
    return (
      <Card id={id} kind={obj.kind} name={obj.metadata.name} handles={data.handles} tags={rolling ? <span className="kp-tag kp-tag--accent">{t('workload.rollingOut')}</span> : null}>
        {obj.kind === 'Deployment' ? <DeploymentBody obj={obj} {...(data.hiddenChildren ? { hidden: data.hiddenChildren } : {})} /> : <CronJobBody obj={obj} {...(data.hiddenChildren ? { hidden: data.hiddenChildren } : {})} />}
      </Card>
    );
  }
  const groups = data.groups ?? [];
  const tags = data.revision ? <span className="kp-tag kp-tag--rev">{t('group.revision', { revision: data.revision })}</span> : null;
  return (
    <Card id={id} kind={obj.kind} name={obj.metadata.name} tags={tags} className={data.isCurrent === false ? 'is-old' : undefined} handles={data.handles}>
      <div className="kp-card__summary" style={{ height: POD_CARD_HEADER - 34 }}>
        <PodCardSummary obj={obj} data={data} />
      </div>
      <PodGroups groups={groups} density={data.density} height={groupsHeight(groups, data.density, !!data.showHeaders)} emptyText={t('lane.noPods')} showHeaders={!!data.showHeaders} />
    </Card>
  );
});
