/**
 * The exported workspace file: one JSON document with a format tag, readable by a later import on any machine.
 */
import type { Workspace } from './workspace';

/** The format tag of workspace files. */
export const WORKSPACE_FILE_FORMAT = 'kubeplay.workspace/v1';

/** Why a file could not be imported (a key of the i18n catalog plus its values). */
export class WorkspaceFileError extends Error {
  constructor(
    readonly reason: 'notJson' | 'wrongFormat' | 'badSnapshot' | 'badFiles',
  ) {
    super(reason);
  }
}

/** The file's text for `ws` (`exportedAt` is wall-clock time, for the reader only). */
export function workspaceToFile(ws: Workspace, exportedAt: Date): string {
  return `${JSON.stringify({ format: WORKSPACE_FILE_FORMAT, exportedAt: exportedAt.toISOString(), ...ws }, null, 2)}\n`;
}

/** A file name like `kubeplay-workspace-2026-01-15-0930.json`. */
export function workspaceFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `kubeplay-workspace-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.json`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a workspace file; throws WorkspaceFileError saying what is wrong. */
export function parseWorkspaceFile(text: string): Workspace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new WorkspaceFileError('notJson');
  }
  if (!isRecord(data) || data.format !== WORKSPACE_FILE_FORMAT) throw new WorkspaceFileError('wrongFormat');
  const ws: Workspace = {};
  if (data.snapshot !== undefined) {
    const s = data.snapshot;
    if (!isRecord(s) || s.format !== 'kubeplay.snapshot/v1' || typeof s.seed !== 'number' || typeof s.nowMs !== 'number' || typeof s.startTimeMs !== 'number' || !Array.isArray(s.log)) {
      throw new WorkspaceFileError('badSnapshot');
    }
    ws.snapshot = s as unknown as Workspace['snapshot'];
  }
  if (data.editor !== undefined) {
    const e = data.editor;
    if (!isRecord(e) || !Array.isArray(e.files) || !e.files.every((f) => isRecord(f) && typeof f.name === 'string' && typeof f.text === 'string')) {
      throw new WorkspaceFileError('badFiles');
    }
    ws.editor = e as unknown as Workspace['editor'];
  }
  if (isRecord(data.settings)) ws.settings = data.settings as Workspace['settings'];
  if (isRecord(data.terminal) && Array.isArray(data.terminal.history)) {
    ws.terminal = { history: data.terminal.history.filter((h): h is string => typeof h === 'string') };
  }
  return ws;
}
