/**
 * The simulation session as the app drives it: start from a boot plan, autosave, crash recovery, reset, and the
 * workspace file's export and import. React components call these; they never touch the Worker.
 */
import type { Snapshot } from '../../protocol/messages';
import { bridge, onWorkerCrash, onWorkerReady } from '../bridge/instance';
import { flushEditorFiles } from '../features/editor';
import { t } from '../i18n';
import { startAutosave, type Autosave } from '../persistence/autosave';
import { loadWorkspace, replaceWorkspace, saveWorkspace, type Workspace, type WorkspaceSettings } from '../persistence/workspace';
import { parseWorkspaceFile, WORKSPACE_FILE_FORMAT, workspaceFileName, workspaceToFile, WorkspaceFileError } from '../persistence/workspace-file';
import { useClusterStore } from '../store/cluster-store';
import { useUiStore } from '../store/ui-store';
import type { BootPlan } from './boot-plan';
import { layoutSettings, useLayoutStore } from './layout-store';
import { useSessionStore } from './session-store';
import { withoutClusterParams } from './url-params';

/** How often the cluster snapshot is saved while it changes. */
const AUTOSAVE_INTERVAL_MS = 3000;

let autosave: Autosave | undefined;
let settingsTimer: ReturnType<typeof setTimeout> | undefined;

/** The settings as they are now. */
export function currentSettings(): WorkspaceSettings {
  const ui = useUiStore.getState();
  return { language: ui.language, theme: ui.theme, speed: useClusterStore.getState().speed, layout: layoutSettings(useLayoutStore.getState()) };
}

/** Saves the settings shortly after the last change (several changes in a row make one write). */
function saveSettingsSoon(): void {
  clearTimeout(settingsTimer);
  settingsTimer = setTimeout(() => void saveWorkspace({ settings: currentSettings() }).catch(() => undefined), 400);
}

/** Starts the worker as planned and keeps the workspace saved. Call once. */
export function startSession(plan: BootPlan): void {
  useSessionStore.setState({ seed: plan.seed, ...(plan.snapshot ? { lastSnapshot: plan.snapshot } : {}) });
  onWorkerReady((ev) => useSessionStore.setState({ seed: ev.seed, startTimeMs: ev.startTimeMs, booted: true, crash: undefined }));
  onWorkerCrash((message, snapshot, recentTasks) => {
    useSessionStore.setState({
      crash: { message, ...(recentTasks ? { recentTasks } : {}), ...(isSnapshot(snapshot) ? { snapshot } : {}) },
    });
  });
  bridge.start({ seed: plan.seed, paused: plan.paused, speed: plan.speed, ...(plan.snapshot ? { snapshot: plan.snapshot } : {}) });

  autosave = startAutosave({
    intervalMs: AUTOSAVE_INTERVAL_MS,
    changeKey: () => {
      const c = useClusterStore.getState();
      return [c.epoch, c.nowMs, c.objects];
    },
    canSave: () => {
      const s = useSessionStore.getState();
      return s.booted && !s.crash;
    },
    takeSnapshot: () => bridge.exportSnapshot(),
    onSaved: (snapshot) => useSessionStore.setState({ lastSnapshot: snapshot }),
  });

  useUiStore.subscribe((s, prev) => {
    if (s.language !== prev.language || s.theme !== prev.theme) saveSettingsSoon();
  });
  useLayoutStore.subscribe(() => saveSettingsSoon());
  useClusterStore.subscribe((s, prev) => {
    if (s.speed !== prev.speed) saveSettingsSoon();
  });
}

function isSnapshot(v: unknown): v is Snapshot {
  return typeof v === 'object' && v !== null && (v as Snapshot).format === 'kubeplay.snapshot/v1';
}

/** Saves the cluster snapshot now (tests call it before reloading). */
export function saveNow(): Promise<void> {
  return autosave?.saveNow() ?? Promise.resolve();
}

/** The snapshot a restart after a crash replays: the worker's own, else the last autosaved one. */
export function recoverySnapshot(): Snapshot | undefined {
  const s = useSessionStore.getState();
  return s.crash?.snapshot ?? s.lastSnapshot;
}

/** Restarts the worker from the crash snapshot (or the last saved one), paused so the user can look first. */
export function restartFromSnapshot(): void {
  const snapshot = recoverySnapshot();
  const { seed } = useSessionStore.getState();
  const { speed } = useClusterStore.getState();
  useSessionStore.setState({ crash: undefined, booted: false });
  bridge.start({ seed: snapshot?.seed ?? seed, paused: true, speed, ...(snapshot ? { snapshot } : {}) });
}

/** Starts a new cluster with the same seed after a crash (for a crash that the snapshot would replay). */
export function restartFresh(): void {
  const { seed } = useSessionStore.getState();
  const { speed } = useClusterStore.getState();
  useSessionStore.setState({ crash: undefined, booted: false });
  bridge.start({ seed, paused: true, speed });
}

/** Replaces the cluster with a fresh one of the same seed; the editor is untouched. */
export async function resetCluster(): Promise<void> {
  await bridge.reset({ seed: useSessionStore.getState().seed });
  await saveNow();
}

/** The whole workspace as it is now: saved editor files and history, a fresh snapshot, current settings. */
export async function collectWorkspace(): Promise<Workspace> {
  // Typing of the last moment may still wait for the editor's save.
  await flushEditorFiles();
  const stored = (await loadWorkspace()) ?? {};
  const crashed = useSessionStore.getState().crash;
  const snapshot = crashed ? recoverySnapshot() : await bridge.exportSnapshot();
  return { ...stored, ...(snapshot ? { snapshot } : {}), settings: currentSettings() };
}

/** Downloads the workspace as a JSON file. */
export async function exportWorkspace(): Promise<void> {
  const ws = await collectWorkspace();
  const now = new Date();
  const blob = new Blob([workspaceToFile(ws, now)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = workspaceFileName(now);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Imports a workspace file: stores it in place of the current one and reloads, so every panel (the editor's tabs
 * too) starts from it. Errors become a notice in the user's language.
 */
export async function importWorkspace(file: File): Promise<void> {
  let ws: Workspace;
  try {
    ws = parseWorkspaceFile(await file.text());
  } catch (e) {
    const reason = e instanceof WorkspaceFileError ? e.reason : 'notJson';
    const error =
      reason === 'notJson' ? t('workspace.importNotJson') : reason === 'wrongFormat' ? t('workspace.importWrongFormat', { format: WORKSPACE_FILE_FORMAT }) : reason === 'badSnapshot' ? t('workspace.importBadSnapshot') : t('workspace.importBadFiles');
    useSessionStore.setState({ notice: t('workspace.importFailed', { file: file.name, error }) });
    return;
  }
  autosave?.stop();
  clearTimeout(settingsTimer);
  // The editor writes pending changes now, so nothing it saves on the way out overwrites the imported files.
  await flushEditorFiles();
  await replaceWorkspace(ws);
  // The URL's seed would override the imported cluster; drop it.
  location.replace(`${location.pathname}${withoutClusterParams(location.search)}${location.hash}`);
}
