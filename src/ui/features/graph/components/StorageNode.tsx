/**
 * Boxes of the Storage view: a pod that mounts claims, a PersistentVolumeClaim (phase, requested size, class), a
 * PersistentVolume (phase, capacity, claim, reclaim policy) and a StorageClass (provisioner, binding mode).
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { KubeObject } from '../../../../engine';
import { useUiStore } from '../../../store/ui-store';
import { claimsOf } from '../model/layout-storage';
import { podVisual, type PodVisualState } from '../model/pod-state';
import type { StorageData } from '../model/types';
import { useGraphT } from '../strings';
import { StateIcon } from './StateIcon';

type StorageNodeType = Node<StorageData & Record<string, unknown>, 'storage'>;

/** The shape of a claim's or volume's phase. */
function phaseState(phase: string | undefined): PodVisualState {
  switch (phase) {
    case 'Bound':
      return 'ready';
    case 'Available':
      return 'succeeded';
    case 'Released':
      return 'terminating';
    case 'Failed':
    case 'Lost':
      return 'failed';
    default:
      return 'pending';
  }
}

function Phase({ phase }: { phase: string | undefined }) {
  const state = phaseState(phase);
  return (
    <span className={`kp-readyline kp-s-${state}`}>
      <StateIcon state={state} size={12} />
      {phase ?? 'Pending'}
    </span>
  );
}

function Body({ obj }: { obj: KubeObject }) {
  const t = useGraphT();
  switch (obj.kind) {
    case 'Pod': {
      const v = podVisual(obj);
      return (
        <div className={`kp-endpoint kp-s-${v.state}`}>
          <StateIcon state={v.state} size={14} />
          <span className="kp-endpoint__name">{obj.metadata.name}</span>
          <span className="kp-muted kp-endpoint__ip">{t('storage.mounts', { claims: claimsOf(obj).join(', ') })}</span>
        </div>
      );
    }
    case 'PersistentVolumeClaim': {
      const spec = (obj.spec ?? {}) as { storageClassName?: string; resources?: { requests?: { storage?: string } } };
      const status = (obj.status ?? {}) as { phase?: string; capacity?: { storage?: string } };
      return (
        <>
          <Title obj={obj} kind="PersistentVolumeClaim" short="PVC" />
          <div className="kp-card__line"><Phase phase={status.phase} /><span className="kp-muted">{t('storage.requested', { size: spec.resources?.requests?.storage ?? '?' })}</span></div>
          <div className="kp-card__line kp-muted kp-ellipsis">{spec.storageClassName ? t('storage.class', { name: spec.storageClassName }) : t('storage.noClass')}</div>
        </>
      );
    }
    case 'PersistentVolume': {
      const spec = (obj.spec ?? {}) as { capacity?: { storage?: string }; claimRef?: { namespace?: string; name?: string }; persistentVolumeReclaimPolicy?: string };
      const status = (obj.status ?? {}) as { phase?: string };
      return (
        <>
          <Title obj={obj} kind="PersistentVolume" short="PV" />
          <div className="kp-card__line"><Phase phase={status.phase} /><span className="kp-muted">{t('storage.capacity', { size: spec.capacity?.storage ?? '?' })}</span></div>
          <div className="kp-card__line kp-muted kp-ellipsis">
            {spec.claimRef?.name ? t('storage.claim', { claim: `${spec.claimRef.namespace}/${spec.claimRef.name}` }) : t('storage.reclaim', { policy: spec.persistentVolumeReclaimPolicy ?? 'Retain' })}
          </div>
        </>
      );
    }
    default: {
      const sc = obj as KubeObject & { provisioner?: string; volumeBindingMode?: string };
      const isDefault = obj.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return (
        <>
          <Title obj={obj} kind="StorageClass" short="SC" extra={isDefault ? t('storage.default') : undefined} />
          <div className="kp-card__line kp-mono kp-muted kp-ellipsis">{sc.provisioner ?? ''}</div>
        </>
      );
    }
  }
}

function Title({ obj, kind, short, extra }: { obj: KubeObject; kind: string; short: string; extra?: string | undefined }) {
  return (
    <div className="kp-card__title">
      <span className="kp-card__name">{obj.metadata.name}</span>
      <span className="kp-tag" title={kind}>{short}</span>
      {extra && <span className="kp-tag kp-tag--accent">{extra}</span>}
    </div>
  );
}

/** The React Flow node of every Storage view box. */
export const StorageNode = memo(function StorageNode({ id, data }: NodeProps<StorageNodeType>) {
  const t = useGraphT();
  const selected = useUiStore((s) => s.selected === id);
  const isPod = data.obj.kind === 'Pod';
  return (
    <div className={`${isPod ? 'kp-storage-pod' : `kp-card kp-card--${data.obj.kind.toLowerCase()}`}${selected ? ' is-selected' : ''}`} title={t('select.title', { id })}>
      <Handle type="target" position={data.vertical ? Position.Top : Position.Left} className="kp-handle" isConnectable={false} />
      <Body obj={data.obj} />
      <Handle type="source" position={data.vertical ? Position.Bottom : Position.Right} className="kp-handle" isConnectable={false} />
    </div>
  );
});
