import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyOutput } from '../../../protocol/messages';
import { loadWorkspace, setWorkspaceBackend } from '../../persistence/workspace';
import { memoryBackend } from '../../persistence/key-value';
import { applyTab, setApplyTransport } from './apply';
import {
  activeTab,
  closeFile,
  editorFiles,
  hydrate,
  isModified,
  newFile,
  openExample,
  openFile,
  renameFile,
  resetEditorStore,
  setFileText,
  useEditorStore,
} from './editor-store';
import { editorFilesSaved, flushEditorFiles } from './persistence';

const names = () => useEditorStore.getState().tabs.map((t) => t.name);

beforeEach(() => {
  resetEditorStore();
});

describe('editor tabs', () => {
  it('opens, renames and closes files, bringing a neighbour to the front', () => {
    hydrate([], undefined, [{ name: 'deployment.yaml', text: 'a: 1\n' }]);
    const a = newFile();
    const b = newFile('x: 1\n');
    expect(names()).toEqual(['deployment.yaml', 'untitled-1.yaml', 'untitled-2.yaml']);
    expect(activeTab()?.id).toBe(b);
    expect(renameFile(a, 'web')).toBeUndefined();
    expect(renameFile(b, 'web.yaml')).toBe('taken');
    expect(renameFile(b, 'bad name')).toBe('invalid');
    expect(names()).toEqual(['deployment.yaml', 'web.yaml', 'untitled-2.yaml']);
    closeFile(b);
    expect(activeTab()?.name).toBe('web.yaml');
    closeFile(a);
    expect(activeTab()?.name).toBe('deployment.yaml');
  });

  it('tracks modification against the opened or last cleanly applied text', async () => {
    hydrate([{ name: 'web.yaml', text: 'a: 1\n' }], 'web.yaml', []);
    const id = activeTab()!.id;
    setFileText(id, 'a: 2\n');
    expect(isModified(activeTab()!)).toBe(true);
    const output = (exitCode: number): ApplyOutput => ({ stdout: exitCode ? '' : 'configmap/x created\n', stderr: exitCode ? 'error: boom\n' : '', output: '', exitCode, problems: exitCode ? [{ line: 1, message: 'boom', severity: 'error' }] : [] });
    const sent: string[] = [];
    setApplyTransport(async (f) => {
      sent.push(`${f.name}:${f.text}`);
      return output(f.text.includes('bad') ? 1 : 0);
    });
    await applyTab(id);
    expect(sent).toEqual(['web.yaml:a: 2\n']);
    expect(isModified(activeTab()!)).toBe(false);
    setFileText(id, 'bad: 1\n');
    await applyTab(id);
    expect(isModified(activeTab()!)).toBe(true);
    expect(activeTab()!.result?.output?.problems).toEqual([{ line: 1, message: 'boom', severity: 'error' }]);
    expect(useEditorStore.getState().reveal).toMatchObject({ tabId: id, line: 1 });
  });

  it('records a failed round trip to the worker as an error', async () => {
    hydrate([{ name: 'web.yaml', text: 'a: 1\n' }], undefined, []);
    setApplyTransport(() => Promise.reject(new Error('simulation restarted')));
    await applyTab(activeTab()!.id);
    expect(activeTab()!.result).toMatchObject({ error: 'simulation restarted', appliedName: 'web.yaml' });
    expect(activeTab()!.applying).toBe(false);
  });

  it('openFile reuses a tab of the same name (kubectl edit), openExample makes a copy when the text differs', () => {
    hydrate([{ name: 'deployment.yaml', text: 'mine\n' }], undefined, []);
    openFile('deployment-web', 'live\n');
    expect(names()).toEqual(['deployment.yaml', 'deployment-web.yaml']);
    openFile('deployment-web.yaml', 'live again\n');
    expect(names()).toEqual(['deployment.yaml', 'deployment-web.yaml']);
    expect(activeTab()).toMatchObject({ name: 'deployment-web.yaml', text: 'live again\n', baseline: 'live again\n' });
    openExample('deployment.yaml', 'example\n');
    expect(names()).toEqual(['deployment.yaml', 'deployment-web.yaml', 'deployment-2.yaml']);
    openExample('deployment-2.yaml', 'example\n');
    expect(names()).toHaveLength(3);
  });

  it('keeps opens made before the stored files are read', () => {
    openFile('pod-x', 'kind: Pod\n');
    expect(names()).toEqual([]);
    hydrate([{ name: 'a.yaml', text: '' }], 'a.yaml', []);
    expect(names()).toEqual(['a.yaml', 'pod-x.yaml']);
    expect(activeTab()?.name).toBe('pod-x.yaml');
  });
});

describe('editor persistence', () => {
  it('saves the files to the workspace and a fresh start restores them', async () => {
    setWorkspaceBackend(memoryBackend());
    const { startEditorPersistence } = await import('./persistence');
    await startEditorPersistence();
    // A fresh workspace starts with the Deployment starter and saves it at once.
    expect(names()).toEqual(['deployment.yaml']);
    expect((await loadWorkspace())?.editor?.files.map((f) => f.name)).toEqual(['deployment.yaml']);
    newFile('kind: Pod\n');
    expect(editorFilesSaved()).toBe(false);
    await flushEditorFiles();
    expect(editorFilesSaved()).toBe(true);
    expect((await loadWorkspace())?.editor).toEqual({ ...editorFiles(), activeFile: 'untitled-1.yaml' });
  });
});
