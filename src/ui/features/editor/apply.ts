/** Applies an editor file to the cluster (`kubectl apply -f <name>` in the worker) and records the outcome. */
import { bridge } from '../../bridge/instance';
import type { ApplyOutput, EditorFile } from '../../../protocol/messages';
import { applyFinished, applyStarted, revealLine, useEditorStore } from './editor-store';

/** The function that reaches the cluster; tests replace it. */
export type ApplyTransport = (file: EditorFile) => Promise<ApplyOutput>;

let transport: ApplyTransport = (file) => bridge.apply(file);

/** Replaces how files reach the cluster (tests). */
export function setApplyTransport(t: ApplyTransport): void {
  transport = t;
}

/** Applies the tab `id` as it is now; a second apply while one runs is ignored. */
export async function applyTab(id: string): Promise<void> {
  const tab = useEditorStore.getState().tabs.find((t) => t.id === id);
  if (!tab || tab.applying) return;
  const file = { name: tab.name, text: tab.text };
  applyStarted(id);
  try {
    const output = await transport(file);
    applyFinished(id, { appliedText: file.text, appliedName: file.name, output });
    // Show where the first error is, unless the file changed while the apply ran.
    const first = output.problems.find((p) => p.severity === 'error');
    const now = useEditorStore.getState();
    if (first && now.activeId === id && now.tabs.find((t) => t.id === id)?.text === file.text) revealLine(id, first.line, first.column ?? 1);
  } catch (e) {
    applyFinished(id, { appliedText: file.text, appliedName: file.name, error: e instanceof Error ? e.message : String(e) });
  }
}
