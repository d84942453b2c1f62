/**
 * The editor in a real browser: type a manifest and apply it with Ctrl+Enter, see kubectl's answer; a bad field is
 * marked on its line and the cluster stays as it was; completion and hover come from the bundled schema; starter
 * manifests, rename and close; `kubectl edit` round trip; the tabs survive a reload.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { EditorTestSurface } from '../src/ui/features/editor/test-surface';
import { appState, kubectl, openApp, showTerminal, typeCommand } from './app-page';
import { test } from './harness';

declare global {
  interface Window {
    __kubeplayEditor?: EditorTestSurface;
    __monaco?: typeof import('monaco-editor');
  }
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

/** Waits for the editor's files and for Monaco (which loads lazily) to show them. */
async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__kubeplayEditor?.loaded() === true && !!window.__monaco && window.__monaco.editor.getEditors().length > 0, undefined, { timeout: 30_000 });
}

/** Opens a new empty tab and puts the caret in it. */
async function newTab(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.__kubeplayEditor!.files().length);
  await page.getByTestId('editor-new').click();
  await page.waitForFunction((n) => window.__kubeplayEditor!.files().length === n + 1, before);
  await page.locator('.kp-editor-monaco .view-lines').click();
}

/**
 * Puts `text` in at the caret as a paste does (typing key by key would let Monaco's auto-indent shift every line
 * after a nested key, as it does for a person typing).
 */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await page.waitForFunction((t) => window.__monaco!.editor.getEditors()[0]!.getModel()?.getValue() === t, text);
}

/** Waits until the result area's kubectl output matches `pattern` and returns it. */
async function applyOutput(page: Page, pattern: RegExp): Promise<string> {
  const out = page.getByTestId('editor-output');
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="editor-output"]')?.textContent ?? ''), pattern.source, { timeout: 15_000 });
  return (await out.textContent()) ?? '';
}

/** The markers on the model in front: owner, line and message. */
function markers(page: Page): Promise<{ owner: string; line: number; severity: number; message: string }[]> {
  return page.evaluate(() => {
    const model = window.__monaco!.editor.getEditors()[0]!.getModel()!;
    return window.__monaco!.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ owner: m.owner, line: m.startLineNumber, severity: m.severity, message: m.message }));
  });
}

test('editor: a typed Deployment applies with Ctrl+Enter', async ({ page, baseUrl, context, screenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  await newTab(page);
  await paste(page, DEPLOYMENT);
  await page.keyboard.press('Control+Enter');
  assert.equal(await applyOutput(page, /created/), 'deployment.apps/web created\n');
  assert.match((await page.getByTestId('editor-result').textContent())!, /Applied/);
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.includes('Deployment/default/web'));
  assert.deepEqual((await markers(page)).filter((m) => m.owner === 'kubectl'), []);
  // The schema finds nothing wrong either (its validation runs shortly after the last change).
  await page.waitForFunction(() => window.__monaco!.editor.getModelMarkers({ resource: window.__monaco!.editor.getEditors()[0]!.getModel()!.uri }).length === 0);
  // Let the pods come up so the graph has something to show next to the editor.
  await page.getByRole('button', { name: '+10s' }).click();
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.filter((id) => id.startsWith('Pod/default/web-')).length === 3);
  await screenshot('editor-apply-created');
});

test('editor: an unknown field is marked on its line and the cluster is unchanged', async ({ page, baseUrl, context, screenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  const before = (await appState(page)).objectIds;
  await newTab(page);
  await paste(page, DEPLOYMENT.replace('replicas: 3', 'replica: 3'));
  await page.getByTestId('editor-apply').click();
  const out = await applyOutput(page, /BadRequest/);
  assert.equal(
    out,
    'Error from server (BadRequest): error when creating "untitled-1.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
  );
  const apply = (await markers(page)).filter((m) => m.owner === 'kubectl');
  assert.deepEqual(apply, [{ owner: 'kubectl', line: 6, severity: 8, message: 'unknown field "spec.replica": did you mean "replicas"?' }]);
  // The schema flags it too (monaco-yaml validates shortly after each change).
  await page.waitForFunction(() =>
    window.__monaco!.editor.getModelMarkers({ owner: 'yaml' }).some((m) => m.startLineNumber === 6 && m.message === 'Property replica is not allowed.'),
  );
  await page.locator('.kp-editor-monaco .squiggly-error').first().waitFor();
  assert.match((await page.getByTestId('editor-result').textContent())!, /Line 6/);
  assert.deepEqual((await appState(page)).objectIds, before);
  assert.equal((await kubectl(page, 'kubectl get deployments')).output, 'No resources found in default namespace.\n');
  await screenshot('editor-unknown-field');

  // Fixing the line drops the stale marker; the apply then creates the Deployment.
  await page.evaluate(() => {
    const ed = window.__monaco!.editor.getEditors()[0]!;
    const model = ed.getModel()!;
    ed.executeEdits('e2e', [{ range: { startLineNumber: 6, startColumn: 3, endLineNumber: 6, endColumn: 10 }, text: 'replicas' }]);
    return model.getLineContent(6);
  });
  assert.deepEqual((await markers(page)).filter((m) => m.owner === 'kubectl'), []);
  await page.keyboard.press('Control+Enter');
  assert.equal(await applyOutput(page, /created/), 'deployment.apps/web created\n');
});

test('editor: completion offers spec and hover shows the API docs', async ({ page, baseUrl, context, screenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  await newTab(page);
  await paste(page, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  await page.keyboard.type('sp');
  await page.evaluate(() => window.__monaco!.editor.getEditors()[0]!.trigger('e2e', 'editor.action.triggerSuggest', {}));
  const rows = page.locator('.suggest-widget .monaco-list-row');
  await rows.first().waitFor();
  assert.ok((await rows.allTextContents()).some((r) => r.startsWith('spec')), (await rows.allTextContents()).join(', '));
  await screenshot('editor-completion');
  await page.keyboard.press('Escape');

  // Hover over `replicas` in the starter Deployment shows its description.
  await page.getByTestId('editor-examples').click();
  await page.getByTestId('editor-example-deployment').click();
  await page.waitForFunction(() => window.__kubeplayEditor!.active() === 'deployment.yaml');
  await page.evaluate(() => {
    const ed = window.__monaco!.editor.getEditors()[0]!;
    const line = ed.getModel()!.findMatches('replicas', false, false, true, null, false)[0]!.range.startLineNumber;
    ed.setPosition({ lineNumber: line, column: 5 });
    ed.focus();
    ed.trigger('e2e', 'editor.action.showHover', {});
  });
  // Monaco keeps more than one hover container; the visible one holds the text.
  const hoverText = await page.waitForFunction(
    () => [...document.querySelectorAll('.monaco-hover-content')].map((e) => e.textContent ?? '').find((t) => /Number of desired pods/.test(t)),
    undefined,
    { timeout: 15_000 },
  );
  assert.match((await hoverText.jsonValue()) as string, /^Number of desired pods\. This is a pointer/);
  await screenshot('editor-hover');
});

test('editor: starter manifests, rename, close with confirmation, and the tabs survive a reload', async ({ page, baseUrl, context, screenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  await page.getByTestId('editor-examples').click();
  await page.getByRole('menuitem', { name: /StatefulSet/ }).click();
  await page.waitForFunction(() => window.__kubeplayEditor!.active() === 'statefulset.yaml');
  await page.keyboard.press('Control+Enter');
  // Picking an example puts the caret in the editor, so the shortcut applies it at once.
  assert.equal(await applyOutput(page, /statefulset/), 'service/nginx created\nstatefulset.apps/web created\n');

  // Rename in place: double-click the tab, type, Enter.
  await page.getByTestId('editor-tab-statefulset.yaml').dblclick();
  await page.keyboard.type('db');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__kubeplayEditor!.active() === 'db.yaml');

  // A modified tab asks before closing; Cancel keeps it, "Close and discard" closes it.
  await page.locator('.kp-editor-monaco .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# note');
  await page.getByRole('button', { name: 'Close db.yaml' }).click();
  await page.getByRole('alertdialog').waitFor();
  await screenshot('editor-close-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.ok((await page.evaluate(() => window.__kubeplayEditor!.files().map((f) => f.name))).includes('db.yaml'));
  await page.getByRole('button', { name: 'Close db.yaml' }).click();
  await page.getByTestId('editor-confirm-discard').click();
  await page.waitForFunction(() => !window.__kubeplayEditor!.files().some((f) => f.name === 'db.yaml'));

  // An unmodified tab closes at once.
  await page.getByTestId('editor-examples').click();
  await page.getByTestId('editor-example-job').click();
  await page.getByRole('button', { name: 'Close job.yaml' }).click();
  await page.waitForFunction(() => !window.__kubeplayEditor!.files().some((f) => f.name === 'job.yaml'));

  await newTab(page);
  await paste(page, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n');
  await page.waitForFunction(() => window.__kubeplayEditor!.saved());
  const files = await page.evaluate(() => window.__kubeplayEditor!.files());
  await page.reload();
  await waitForEditor(page);
  assert.deepEqual(await page.evaluate(() => window.__kubeplayEditor!.files()), files);
  assert.equal(await page.evaluate(() => window.__kubeplayEditor!.active()), 'untitled-1.yaml');
  assert.equal(await page.evaluate(() => window.__monaco!.editor.getEditors()[0]!.getModel()!.getValue()), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n');
});

test('editor: kubectl edit opens the live object; applying the tab updates it', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  await kubectl(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await showTerminal(page);
  await typeCommand(page, 'kubectl edit deployment/web');
  await page.waitForFunction(() => /web/.test(window.__kubeplayEditor!.active() ?? '') && /replicas: 2/.test(window.__monaco!.editor.getEditors()[0]!.getModel()?.getValue() ?? ''));
  const tab = (await page.evaluate(() => window.__kubeplayEditor!.active()))!;
  await page.evaluate(() => {
    const ed = window.__monaco!.editor.getEditors()[0]!;
    const m = ed.getModel()!.findMatches('replicas: 2', false, false, true, null, false)[0]!;
    ed.executeEdits('e2e', [{ range: m.range, text: 'replicas: 4' }]);
    ed.focus();
  });
  await page.keyboard.press('Control+Enter');
  // The Deployment came from `kubectl create`, so kubectl apply first warns that it adds its annotation.
  const out = await applyOutput(page, /configured|Error/);
  assert.match(out, /^Warning: resource deployments\/web is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/);
  assert.match(out, /\ndeployment\.apps\/web configured\n$/);
  assert.equal((await kubectl(page, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).stdout, '4');
  assert.ok((await page.evaluate(() => window.__kubeplayEditor!.files().map((f) => f.name))).includes(tab));
  await screenshot('editor-kubectl-edit');
});

test('editor: dark theme and 中文', async ({ page, baseUrl, context, screenshot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await waitForEditor(page);
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('theme-toggle').click();
  await newTab(page);
  await paste(page, DEPLOYMENT.replace('name: web\n', 'name: Web_1\n'));
  await page.keyboard.press('Control+Enter');
  await applyOutput(page, /invalid/);
  assert.match((await page.getByTestId('editor-result').textContent())!, /失败（退出码 1）/);
  assert.match((await page.getByTestId('editor-apply').textContent())!, /^应用/);
  assert.ok((await markers(page)).some((m) => m.owner === 'kubectl' && m.line === 4 && /^metadata\.name: Invalid value: "Web_1"/.test(m.message)));
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.kp-editor .monaco-editor-background')!).backgroundColor), 'rgb(19, 25, 34)');
  await screenshot('editor-dark-zh');
});
