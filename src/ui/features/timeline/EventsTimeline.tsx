/**
 * The events timeline: the cluster's Events, newest first, filtered by type, namespace and object, with the
 * cluster clock beside the filters. Clicking an object shows it in the inspector.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { shortHumanDuration } from '../../../engine';
import { ClusterClock } from '../../app/ClusterClock';
import { formatClusterTime } from '../../app/clock-format';
import { useT } from '../../i18n';
import { useClusterStore } from '../../store/cluster-store';
import { useUiStore } from '../../store/ui-store';
import { eventRows, filterRows, type EventFilter } from './event-rows';

/** Rows drawn at most; a rollout of hundreds of pods makes thousands of Events. */
const MAX_ROWS = 300;

export function EventsTimeline({ active }: { active: boolean }) {
  const t = useT();
  const [type, setType] = useState<EventFilter['type']>('');
  const [object, setObject] = useState('');
  const namespace = useUiStore((s) => s.namespace);
  const setNamespace = useUiStore((s) => s.setNamespace);
  return (
    <div className="timeline" aria-label={t('events.label')} role="region">
      <div className="timeline-toolbar">
        <label className="field">
          <span>{t('events.type')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as EventFilter['type'])} data-testid="events-type">
            <option value="">{t('events.typeAll')}</option>
            <option value="Normal">Normal</option>
            <option value="Warning">Warning</option>
          </select>
        </label>
        <label className="field">
          <span>{t('events.namespace')}</span>
          <NamespaceSelect value={namespace} onChange={setNamespace} />
        </label>
        <label className="field field-grow">
          <span>{t('events.object')}</span>
          <input type="search" value={object} onChange={(e) => setObject(e.target.value)} placeholder={t('events.objectPlaceholder')} data-testid="events-object" />
        </label>
        <ClusterClock compact />
      </div>
      {active && <EventTable filter={{ type, namespace, object }} />}
    </div>
  );
}

function NamespaceSelect({ value, onChange }: { value: string; onChange(ns: string): void }) {
  const t = useT();
  const objects = useClusterStore((s) => s.objects);
  const names = useMemo(
    () =>
      Object.values(objects)
        .filter((o) => o.kind === 'Namespace')
        .map((o) => o.metadata.name)
        .sort(),
    [objects],
  );
  const options = names.includes(value) || value === '' ? names : [value, ...names];
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="events-namespace">
      <option value="">{t('events.allNamespaces')}</option>
      {options.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}

function EventTable({ filter }: { filter: EventFilter }) {
  const t = useT();
  const objects = useClusterStore((s) => s.objects);
  const nowMs = useClusterStore((s) => s.nowMs);
  const select = useUiStore((s) => s.select);
  // Rows follow the store at the pace React can afford; typing in the filter stays responsive.
  const deferredObjects = useDeferredValue(objects);
  const all = useMemo(() => eventRows(deferredObjects), [deferredObjects]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter.type, filter.namespace, filter.object]);
  const shown = rows.slice(0, MAX_ROWS);

  if (all.length === 0) return <p className="timeline-empty">{t('events.empty')}</p>;
  if (rows.length === 0) return <p className="timeline-empty">{t('events.noMatch')}</p>;
  return (
    <div className="timeline-scroll">
      <p className="timeline-count" aria-live="polite">
        {rows.length > MAX_ROWS ? t('events.countLimited', { shown: shown.length, total: rows.length }) : t('events.count', { shown: shown.length, total: all.length })}
      </p>
      <table className="timeline-table" data-testid="events-table">
        <thead>
          <tr>
            <th scope="col">{t('events.colLastSeen')}</th>
            <th scope="col">{t('events.colTime')}</th>
            <th scope="col">{t('events.colType')}</th>
            <th scope="col">{t('events.colReason')}</th>
            <th scope="col">{t('events.colObject')}</th>
            <th scope="col" className="col-message">
              {t('events.colMessage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} className={r.type === 'Warning' ? 'is-warning' : undefined} data-id={r.id}>
              <td className="mono">{shortHumanDuration(nowMs - r.lastMs)}</td>
              <td className="mono">{formatClusterTime(r.lastMs)}</td>
              <td>
                <span className={`event-type event-type-${r.type.toLowerCase()}`}>
                  <span aria-hidden="true">{r.type === 'Warning' ? '▲' : '●'}</span> {r.type}
                </span>
              </td>
              <td className="event-reason">{r.reason}</td>
              <td>
                <button type="button" className="link-button mono" onClick={() => select(r.objectId)} title={t('events.inspect', { object: r.objectLabel })}>
                  {r.objectLabel}
                </button>
              </td>
              <td className="col-message">
                {r.message}
                {r.count > 1 && <span className="event-count">{t('events.times', { count: r.count })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
