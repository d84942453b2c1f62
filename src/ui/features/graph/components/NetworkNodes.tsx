/**
 * Boxes of the Network view: Services (type, ClusterIP, ports, endpoint count), Ingresses, endpoint pods (state
 * shape, name, IP), plain addresses, and the summary box that stands for many endpoints.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useUiStore } from '../../../store/ui-store';
import { ingressServices } from '../model/layout-network';
import { podVisual } from '../model/pod-state';
import type { NetworkData } from '../model/types';
import { useGraphT } from '../strings';
import { StateIcon } from './StateIcon';

type NetNode<T extends string> = Node<NetworkData & Record<string, unknown>, T>;

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="kp-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="kp-handle" isConnectable={false} />
    </>
  );
}

/** Shortens a long name in the middle, so the distinguishing suffix of a pod name stays visible. */
export function middleEllipsis(name: string, max: number): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) / 2);
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`;
}

function useSelected(id: string): boolean {
  return useUiStore((s) => s.selected === id);
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  selector?: Record<string, string>;
  ports?: { port?: number; targetPort?: number | string; protocol?: string; nodePort?: number }[];
}

/** A Service card. */
export const ServiceNode = memo(function ServiceNode({ id, data }: NodeProps<NetNode<'service'>>) {
  const t = useGraphT();
  const selected = useSelected(id);
  const svc = data.obj!;
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const ports = (spec.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ');
  const eps = data.endpoints ?? { ready: 0, total: 0 };
  const hasSelector = spec.selector && Object.keys(spec.selector).length > 0;
  const state = eps.total === 0 ? 'failed' : eps.ready === eps.total ? 'ready' : 'notReady';
  return (
    <div className={`kp-card kp-card--service${selected ? ' is-selected' : ''}`} title={t('select.title', { id })}>
      <Handles />
      <div className="kp-card__title">
        <span className="kp-card__name">{svc.metadata.name}</span>
        <span className="kp-tag">Service</span>
        <span className="kp-tag kp-tag--accent">{spec.type ?? 'ClusterIP'}</span>
      </div>
      <div className="kp-card__line kp-mono">{spec.clusterIP ?? ''}{ports ? `  ${ports}` : ''}</div>
      <div className="kp-card__line kp-mono kp-muted kp-ellipsis">{hasSelector ? Object.entries(spec.selector!).map(([k, v]) => `${k}=${v}`).join(',') : t('service.noSelector')}</div>
      <div className={`kp-card__line kp-readyline kp-s-${state}`}>
        <StateIcon state={state} size={12} />
        {eps.total === 0 && hasSelector ? t('service.noEndpoints') : t('service.endpoints', eps)}
      </div>
    </div>
  );
});

/** An Ingress card. */
export const IngressNode = memo(function IngressNode({ id, data }: NodeProps<NetNode<'ingress'>>) {
  const t = useGraphT();
  const selected = useSelected(id);
  const ing = data.obj!;
  const rules = ((ing.spec as { rules?: { host?: string }[] } | undefined)?.rules ?? []).map((r) => r.host ?? '*').join(', ');
  return (
    <div className={`kp-card kp-card--ingress${selected ? ' is-selected' : ''}`} title={t('select.title', { id })}>
      <Handles />
      <div className="kp-card__title">
        <span className="kp-card__name">{ing.metadata.name}</span>
        <span className="kp-tag">Ingress</span>
      </div>
      <div className="kp-card__line kp-mono kp-ellipsis">{rules || '*'}</div>
      <div className="kp-card__line kp-muted">{t('ingress.routes', { count: ingressServices(ing).length })}</div>
    </div>
  );
});

/** An endpoint that is a pod. */
export const EndpointNode = memo(function EndpointNode({ id, data }: NodeProps<NetNode<'endpoint'>>) {
  const selected = useSelected(id);
  const pod = data.obj!;
  const v = podVisual(pod);
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP ?? '';
  return (
    <div className={`kp-endpoint kp-s-${v.state}${selected ? ' is-selected' : ''}`} title={`${pod.metadata.namespace}/${pod.metadata.name}\n${v.status} · ${v.ready}`}>
      <Handles />
      <StateIcon state={v.state} size={14} />
      <span className="kp-endpoint__name">{middleEllipsis(pod.metadata.name, 24)}</span>
      <span className="kp-endpoint__ip kp-mono">{ip}</span>
    </div>
  );
});

/** An endpoint that is only an address (no pod behind it, such as the apiserver behind `kubernetes`). */
export const AddressNode = memo(function AddressNode({ data }: NodeProps<NetNode<'address'>>) {
  const t = useGraphT();
  return (
    <div className="kp-endpoint kp-endpoint--address" title={t('endpoint.address', { address: data.address ?? '' })}>
      <Handles />
      <span className="kp-endpoint__name kp-mono">{data.address}</span>
    </div>
  );
});

/** One box standing for many endpoints of a Service. */
export const EndpointSummaryNode = memo(function EndpointSummaryNode({ data }: NodeProps<NetNode<'endpointSummary'>>) {
  const t = useGraphT();
  const s = data.summary ?? { ready: 0, notReady: 0 };
  return (
    <div className="kp-endpoint kp-endpoint--summary">
      <Handles />
      <div className="kp-endpoint__name">{t('endpoint.summary', { total: s.ready + s.notReady })}</div>
      <div className="kp-muted">
        <span className="kp-s-ready"><StateIcon state="ready" size={11} /> {s.ready}</span>{'  '}
        <span className="kp-s-notReady"><StateIcon state="notReady" size={11} /> {s.notReady}</span>
      </div>
    </div>
  );
});
