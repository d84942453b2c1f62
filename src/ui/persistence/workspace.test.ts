import { beforeEach, describe, expect, it } from 'vitest';
import { memoryBackend } from './key-value';
import { loadWorkspace, replaceWorkspace, saveWorkspace, setWorkspaceBackend, type Workspace } from './workspace';
import { parseWorkspaceFile, workspaceFileName, workspaceToFile, WorkspaceFileError } from './workspace-file';

const snapshot = { format: 'kubeplay.snapshot/v1' as const, seed: 3, startTimeMs: 1000, nowMs: 61_000, log: [{ atMs: 61_000, type: 'kubectl.run' as const, line: 'kubectl create deployment web --image=nginx' }] };

describe('workspace storage', () => {
  beforeEach(() => setWorkspaceBackend(memoryBackend()));

  it('is empty before anything is saved', async () => {
    expect(await loadWorkspace()).toBeUndefined();
  });

  it('keeps parts saved separately and merges settings key by key', async () => {
    await saveWorkspace({ editor: { files: [{ name: 'web.yaml', text: 'kind: Pod\n' }], activeFile: 'web.yaml' } });
    await saveWorkspace({ snapshot, settings: { theme: 'dark' } });
    await saveWorkspace({ settings: { language: 'zh' } });
    expect(await loadWorkspace()).toEqual({
      editor: { files: [{ name: 'web.yaml', text: 'kind: Pod\n' }], activeFile: 'web.yaml' },
      snapshot,
      settings: { theme: 'dark', language: 'zh' },
    });
  });

  it('replaces everything on import', async () => {
    await saveWorkspace({ editor: { files: [] }, terminal: { history: ['kubectl get pods'] } });
    await replaceWorkspace({ snapshot });
    expect(await loadWorkspace()).toEqual({ snapshot });
  });
});

describe('workspace files', () => {
  const ws: Workspace = { snapshot, editor: { files: [{ name: 'a.yaml', text: 'x: 1\n' }] }, settings: { speed: 10 }, terminal: { history: ['k get po'] } };

  it('round-trips through the exported text', () => {
    const text = workspaceToFile(ws, new Date(Date.UTC(2026, 0, 15, 9, 30)));
    expect(text).toContain('"format": "kubeplay.workspace/v1"');
    expect(text).toContain('"exportedAt": "2026-01-15T09:30:00.000Z"');
    expect(parseWorkspaceFile(text)).toEqual(ws);
  });

  it('names files by local date and time', () => {
    expect(workspaceFileName(new Date(2026, 0, 5, 9, 7))).toBe('kubeplay-workspace-2026-01-05-0907.json');
  });

  it('says why a file is refused', () => {
    const reason = (text: string) => {
      try {
        parseWorkspaceFile(text);
        return 'accepted';
      } catch (e) {
        return (e as WorkspaceFileError).reason;
      }
    };
    expect(reason('not json')).toBe('notJson');
    expect(reason('{"format":"other"}')).toBe('wrongFormat');
    expect(reason('{"format":"kubeplay.workspace/v1","snapshot":{"format":"kubeplay.snapshot/v1"}}')).toBe('badSnapshot');
    expect(reason('{"format":"kubeplay.workspace/v1","editor":{"files":[{"name":1}]}}')).toBe('badFiles');
    expect(reason('{"format":"kubeplay.workspace/v1"}')).toBe('accepted');
  });
});
