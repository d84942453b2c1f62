/**
 * The inspector's tabs: Describe (kubectl describe from the worker), YAML (the live object as `kubectl get -o
 * yaml` prints it), Events (newest first), and for pods Containers and a Logs tail.
 */
import { useEffect, useMemo, useState } from 'react';
import type { KubeObject } from '../../../engine';
import { bridge } from '../../bridge/instance';
import { useClusterStore } from '../../store/cluster-store';
import { StateIcon } from '../graph';
import { containerRows, stateWords, type StateSummary } from './model/container-rows';
import { eventRows } from './model/object-events';
import { namespaceFlag, parseObjectId, resourceWord } from './model/object-ref';
import { useInspectorT } from './strings';
import { useLiveRequest } from './useLiveRequest';

/** Virtual time in whole seconds: enough for AGE columns, and it changes far less often than frames. */
function useNowSeconds(): number {
  return useClusterStore((s) => Math.floor(s.nowMs / 1000));
}

function CommandLine({ text }: { text: string }) {
  return <div className="kp-insp__command"><span aria-hidden="true">$ </span>{text}</div>;
}

function Status({ loading, error }: { loading: boolean; error: string | undefined }) {
  const t = useInspectorT();
  if (error) return <div className="kp-insp__note kp-insp__note--error">{t('failed', { error })}</div>;
  if (loading) return <div className="kp-insp__note">{t('loading')}</div>;
  return null;
}

/** `kubectl describe`, refreshed when the object or its events change. */
export function DescribeTab({ id, version }: { id: string; version: string }) {
  const t = useInspectorT();
  const ref = parseObjectId(id);
  const r = useLiveRequest(id, version, (key) => bridge.describe(key).then((o) => o.output));
  return (
    <div className="kp-insp__pane">
      <CommandLine text={t('describe.command', { resource: resourceWord(ref.kind), name: ref.name, ns: namespaceFlag(ref) })} />
      <Status loading={r.loading} error={r.error} />
      {r.value !== undefined && <pre className="kp-insp__pre" data-testid="inspector-describe">{r.value}</pre>}
    </div>
  );
}

type ToYaml = (value: unknown) => string;
let yamlModule: Promise<ToYaml> | undefined;

/** The YAML printer, loaded on first use (it brings the YAML library, which the first page load does not need). */
function loadToYaml(): Promise<ToYaml> {
  yamlModule ??= import('../../../kubectl/output/yaml').then((m) => m.toYaml);
  return yamlModule;
}

/**
 * The object as `kubectl get <kind> <name> -o yaml` prints it, rendered here from the mirrored object with
 * kubectl's own YAML printer.
 * Divergence from asking the worker: `kubectl get` through the bridge is recorded in the session log (and
 * replayed on import), which a live view refreshing on every change would flood; the printer is the same.
 */
export function YamlTab({ id, obj }: { id: string; obj: KubeObject }) {
  const t = useInspectorT();
  const ref = parseObjectId(id);
  const [toYaml, setToYaml] = useState<ToYaml | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadToYaml().then((f) => live && setToYaml(() => f), (e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, []);
  const text = useMemo(() => (toYaml ? toYaml(obj) : undefined), [toYaml, obj]);
  return (
    <div className="kp-insp__pane">
      <CommandLine text={t('yaml.command', { resource: resourceWord(ref.kind), name: ref.name, ns: namespaceFlag(ref) })} />
      <div className="kp-insp__hint">{t('yaml.readOnly')}</div>
      <Status loading={text === undefined && !error} error={error} />
      {text !== undefined && <pre className="kp-insp__pre" data-testid="inspector-yaml">{text}</pre>}
    </div>
  );
}

/** The object's Events, newest first, with kubectl describe's columns. */
export function EventsTab({ events }: { events: readonly KubeObject[] }) {
  const t = useInspectorT();
  const nowSeconds = useNowSeconds();
  const rows = useMemo(() => eventRows(events, nowSeconds * 1000), [events, nowSeconds]);
  if (rows.length === 0) return <div className="kp-insp__pane"><div className="kp-insp__note">{t('events.none')}</div></div>;
  return (
    <div className="kp-insp__pane">
      <div className="kp-insp__hint">{t('events.count', { count: rows.length })}</div>
      <ol className="kp-insp__events" data-testid="inspector-events">
        {rows.map((r) => (
          <li key={r.key} className={r.type === 'Warning' ? 'is-warning' : undefined}>
            <div className="kp-insp__event-head">
              <span className="kp-insp__type" title={t('events.type')}>
                <StateIcon state={r.type === 'Warning' ? 'failed' : 'ready'} size={11} />
                {r.type}
              </span>
              <span className="kp-insp__reason" title={t('events.reason')}>{r.reason}</span>
              <span className="kp-insp__from" title={t('events.from')}>{r.from}</span>
              <span className="kp-insp__age" title={t('events.age')}>{r.age}</span>
            </div>
            <div className="kp-insp__message">{r.message}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function stateClass(s: StateSummary): string {
  if (s.state === 'Running') return 'kp-s-ready';
  if (s.state === 'Terminated') return s.exitCode === 0 ? 'kp-s-succeeded' : 'kp-s-failed';
  if (s.state === 'Waiting') return s.reason && !['ContainerCreating', 'PodInitializing'].includes(s.reason) ? 'kp-s-failed' : 'kp-s-pending';
  return 'kp-s-pending';
}

/** `Terminated: Error · exit code 1 · finished 2m ago`, the details in the UI language. */
function StateText({ s }: { s: StateSummary }) {
  const t = useInspectorT();
  const w = stateWords(s);
  const parts = [w.head];
  if (w.exitCode !== undefined) parts.push(t('containers.exitCode', { code: w.exitCode }));
  if (w.age !== undefined) parts.push(t(s.state === 'Running' ? 'containers.started' : 'containers.finished', { age: w.age }));
  return <>{parts.join(' · ')}</>;
}

/** The pod's containers: image, state, readiness, restarts and last termination. */
export function ContainersTab({ pod }: { pod: KubeObject }) {
  const t = useInspectorT();
  const nowSeconds = useNowSeconds();
  const rows = useMemo(() => containerRows(pod, nowSeconds * 1000), [pod, nowSeconds]);
  if (rows.length === 0) return <div className="kp-insp__pane"><div className="kp-insp__note">{t('containers.none')}</div></div>;
  return (
    <div className="kp-insp__pane" data-testid="inspector-containers">
      {rows.map((r) => (
        <div key={`${r.role}/${r.name}`} className="kp-insp__container">
          <div className="kp-insp__container-title">
            <span className="kp-insp__container-name">{r.name}</span>
            <span className="kp-tag">{t(r.role === 'init' ? 'containers.init' : r.role === 'sidecar' ? 'containers.sidecar' : 'containers.app')}</span>
          </div>
          <dl className="kp-insp__fields">
            <dt>{t('containers.image')}</dt>
            <dd className="kp-mono">{r.image}</dd>
            <dt>{t('containers.state')}</dt>
            <dd className={`kp-insp__state ${stateClass(r.state)}`}>
              <StateText s={r.state} />
              {r.state.message ? <div className="kp-insp__state-message">{r.state.message}</div> : null}
            </dd>
            <dt>{t('containers.ready')}</dt>
            <dd>{r.ready ? 'True' : 'False'}</dd>
            <dt>{t('containers.restarts')}</dt>
            <dd>{r.restarts}</dd>
            {r.lastState && (
              <>
                <dt>{t('containers.lastState')}</dt>
                <dd className={stateClass(r.lastState)}><StateText s={r.lastState} /></dd>
              </>
            )}
          </dl>
        </div>
      ))}
    </div>
  );
}

const TAIL_LINES = 100;

interface LogsResult {
  ok: boolean;
  value?: string;
  status?: { message?: string };
}

/** The last lines of one container's log, refreshed as virtual time passes. */
export function LogsTab({ id, pod }: { id: string; pod: KubeObject }) {
  const t = useInspectorT();
  const ref = parseObjectId(id);
  const containers = useMemo(() => {
    const spec = (pod.spec ?? {}) as { initContainers?: { name: string }[]; containers?: { name: string }[] };
    return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.name);
  }, [pod]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const container = chosen && containers.includes(chosen) ? chosen : containers[0];
  const nowSeconds = useNowSeconds();
  const key = container ? `${id}|${container}` : undefined;
  const r = useLiveRequest(key, `${nowSeconds}|${pod.metadata.resourceVersion}`, async () => {
    const res = (await bridge.logs(ref.namespace ?? 'default', ref.name, container!, TAIL_LINES)) as LogsResult;
    if (!res.ok) throw new Error(res.status?.message ?? 'no logs');
    return res.value ?? '';
  }, 1000);
  return (
    <div className="kp-insp__pane">
      <div className="kp-insp__logbar">
        {containers.length > 1 && (
          <label>
            {t('logs.container')}{' '}
            <select value={container} onChange={(e) => setChosen(e.target.value)}>
              {containers.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        )}
        <span className="kp-insp__hint">{t('logs.tail', { count: TAIL_LINES })}</span>
      </div>
      {container && <CommandLine text={t('logs.command', { pod: ref.name, container, ns: namespaceFlag(ref), count: TAIL_LINES })} />}
      {r.error ? <pre className="kp-insp__pre kp-insp__pre--error">{r.error}</pre> : null}
      {r.loading && <div className="kp-insp__note">{t('loading')}</div>}
      {r.value !== undefined && !r.error && <pre className="kp-insp__pre kp-insp__pre--logs" data-testid="inspector-logs">{r.value || t('logs.empty')}</pre>}
    </div>
  );
}
