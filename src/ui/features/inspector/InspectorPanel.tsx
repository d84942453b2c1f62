/**
 * The inspector: everything about the object selected in the graph (or elsewhere) — describe, live YAML, its
 * events, and for pods container states and logs — with an Edit button that opens the object in the editor.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import '../graph/tokens.css';
import './inspector.css';
import type { KubeObject } from '../../../engine';
import type { ObjectId } from '../../../protocol/messages';
import { bridge } from '../../bridge/instance';
import { useClusterStore } from '../../store/cluster-store';
import { useUiStore } from '../../store/ui-store';
import { openInEditor } from '../editor';
import { StateIcon, graphIndex, podVisual } from '../graph';
import { editFileName, namespaceFlag, parseObjectId, resourceWord } from './model/object-ref';
import { useInspectorT } from './strings';
import { ContainersTab, DescribeTab, EventsTab, LogsTab, YamlTab } from './tabs';

type Tab = 'describe' | 'yaml' | 'events' | 'containers' | 'logs';


function Empty() {
  const t = useInspectorT();
  return (
    <div className="kp-insp__empty">
      <svg width="40" height="40" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" /><path d="M15.5 15.5 L21 21" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
      <div className="kp-insp__empty-title">{t('empty.title')}</div>
      <p>{t('empty.body')}</p>
      <p className="kp-muted">{t('empty.hint')}</p>
    </div>
  );
}

function PodLine({ pod }: { pod: KubeObject }) {
  const t = useInspectorT();
  const v = podVisual(pod);
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  return (
    <div className="kp-insp__subtitle">
      <span className="kp-insp__ns">{pod.metadata.namespace}</span>
      <span className={`kp-insp__podstate kp-s-${v.state}`}>
        <StateIcon state={v.state} size={13} />
        {v.status}
      </span>
      <span>{v.ready}</span>
      <span className="kp-muted">{node ? t('pod.node', { node }) : t('pod.unscheduled')}</span>
    </div>
  );
}

function Inspector({ id, tab, setTab }: { id: ObjectId; tab: Tab; setTab: (t: Tab) => void }) {
  const t = useInspectorT();
  const select = useUiStore((s) => s.select);
  const live = useClusterStore((s) => s.objects[id]);
  const ref = parseObjectId(id);
  const events = useClusterStore(useShallow((s) => graphIndex(s.objects).eventsFor(id)));
  // Keep showing the last known version after the object is deleted (a pod that just terminated).
  const lastKnown = useRef<{ id: string; obj: KubeObject } | undefined>(undefined);
  if (live) lastKnown.current = { id, obj: live };
  const obj = live ?? (lastKnown.current?.id === id ? lastKnown.current.obj : undefined);
  const [editError, setEditError] = useState<string | undefined>(undefined);
  const isPod = ref.kind === 'Pod';
  const tabs: Tab[] = isPod ? ['describe', 'yaml', 'events', 'containers', 'logs'] : ['describe', 'yaml', 'events'];
  const active: Tab = tabs.includes(tab) ? tab : 'describe';
  let lastEventRv = 0;
  for (const e of events) lastEventRv = Math.max(lastEventRv, Number(e.metadata.resourceVersion ?? 0) || 0);
  const version = `${live?.metadata.resourceVersion ?? 'gone'}|${events.length}|${lastEventRv}`;

  const onEdit = () => {
    setEditError(undefined);
    bridge.kubectl(`kubectl edit ${resourceWord(ref.kind)}/${ref.name}${namespaceFlag(ref)}`).then(
      (r) => {
        if (r.edit) openInEditor(editFileName(ref), r.edit.yaml);
        else setEditError(r.output.trim());
      },
      (e: unknown) => setEditError(e instanceof Error ? e.message : String(e)),
    );
  };
  const tabLabel = (x: Tab) => {
    const label = t(`tab.${x}`);
    return x === 'events' && events.length > 0 ? `${label} (${events.length})` : label;
  };
  return (
    <>
      <header className="kp-insp__header">
        <div className="kp-insp__title">
          <span className="kp-tag">{ref.kind}</span>
          <span className="kp-insp__name" title={ref.name}>{ref.name}</span>
          <span className="kp-insp__actions">
            {live && (
              <button type="button" className="kp-insp__button" onClick={onEdit} title={t('edit.title')}>
                {t('edit')}
              </button>
            )}
            <button type="button" className="kp-insp__icon" onClick={() => select(undefined)} title={t('close')} aria-label={t('close')}>×</button>
          </span>
        </div>
        {isPod && obj ? <PodLine pod={obj} /> : ref.namespace && <div className="kp-insp__subtitle"><span className="kp-insp__ns">{ref.namespace}</span></div>}
        {!live && <div className="kp-insp__gone" role="status">{t('gone')}</div>}
        {editError && <div className="kp-insp__note kp-insp__note--error">{t('edit.failed', { error: editError })}</div>}
      </header>
      <div className="kp-insp__tabs" role="tablist" aria-label={t('tabs.label', { object: `${ref.kind} ${ref.name}` })}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={active === x} className={active === x ? 'is-active' : ''} onClick={() => setTab(x)} data-tab={x}>
            {tabLabel(x)}
          </button>
        ))}
      </div>
      <div className="kp-insp__body" role="tabpanel">
        {active === 'describe' && <DescribeTab id={id} version={version} />}
        {active === 'yaml' && obj && <YamlTab id={id} obj={obj} />}
        {active === 'events' && <EventsTab events={events} />}
        {active === 'containers' && obj && <ContainersTab pod={obj} />}
        {active === 'logs' && obj && <LogsTab id={id} pod={obj} />}
      </div>
    </>
  );
}

/** The inspector panel. */
export function InspectorPanel() {
  const t = useInspectorT();
  const theme = useUiStore((s) => s.theme);
  const selected = useUiStore((s) => s.selected);
  // The tab survives changes of selection, so clicking through pods keeps showing their logs (say).
  const [tab, setTab] = useState<Tab>('describe');
  return (
    <section className="kp-inspector" data-theme={theme} aria-label={t('panel.label')}>
      {selected ? <Inspector key={selected} id={selected} tab={tab} setTab={setTab} /> : <Empty />}
    </section>
  );
}
