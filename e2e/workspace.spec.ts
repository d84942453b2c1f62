/**
 * The workspace in a real browser: a reload restores the cluster, the terminal history and the settings; a
 * workspace file exported here imports into another browser profile; a crashed worker restarts from its snapshot.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appState, kubectl, openApp, showTerminal, terminalText, typeCommand, waitForCluster } from './app-page';
import { test } from './harness';

test('reload restores the cluster, the terminal history and the settings', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await showTerminal(page);
  assert.equal(await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=3'), 'deployment.apps/web created');
  await page.getByRole('button', { name: '+10s' }).click();
  await page.getByRole('button', { name: '+10s' }).click();
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.filter((id) => id.startsWith('Pod/default/web-')).length === 3);
  const before = await appState(page);
  await page.evaluate(() => window.__kubeplay!.saveNow());
  // Settings are saved shortly after they change.
  await page.waitForTimeout(700);

  await page.reload();
  await waitForCluster(page);
  const after = await appState(page);
  assert.deepEqual(after.objectIds, before.objectIds);
  assert.equal(after.nowMs, before.nowMs);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await showTerminal(page);
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__kubeplay!.terminalText().endsWith('error: failed to create deployment: deployments.apps "web" already exists\n$'));
  const pods = await typeCommand(page, 'kubectl get pods');
  assert.equal(pods.split('\n').filter((l) => /^web-\S+ +1\/1 +Running/.test(l)).length, 3, pods);
  await screenshot('workspace-restored');
});

test('a URL with another seed starts that cluster instead of the saved one', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await kubectl(page, 'kubectl create namespace demo');
  await page.evaluate(() => window.__kubeplay!.saveNow());
  await openApp(page, baseUrl, { seed: '2', paused: '1' });
  assert.equal((await appState(page)).seed, 2);
  assert.ok(!(await appState(page)).objectIds.includes('Namespace/demo'));
});

test('export a workspace file and import it in another browser profile', async ({ page, baseUrl, newContext }) => {
  await openApp(page, baseUrl, { seed: '3', paused: '1' });
  await kubectl(page, 'kubectl create deployment api --image=nginx --replicas=2');
  await page.getByRole('button', { name: '+10s' }).click();
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.filter((id) => id.startsWith('Pod/default/api-')).length === 2);
  const exported = await appState(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  assert.match(download.suggestedFilename(), /^kubeplay-workspace-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.format, 'kubeplay.workspace/v1');
  assert.equal(file.snapshot.seed, 3);
  assert.ok(file.editor.files.length > 0, 'the editor tabs travel with the workspace');

  const other = await newContext();
  const page2 = await other.newPage();
  await openApp(page2, baseUrl, { seed: '1', paused: '1' });
  await page2.getByTestId('import-workspace-input').setInputFiles(path);
  await page2.waitForURL((url) => !url.search.includes('seed='));
  await waitForCluster(page2);
  const imported = await appState(page2);
  assert.equal(imported.seed, 3);
  assert.equal(imported.nowMs, exported.nowMs);
  assert.deepEqual(imported.objectIds, exported.objectIds);

  // A file that is not a workspace is refused with a message, and the cluster stays.
  await page2.getByTestId('import-workspace-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await page2.getByText('Could not import notes.json: not a KubePlay workspace').waitFor();
  assert.deepEqual((await appState(page2)).objectIds, exported.objectIds);
});

test('a crashed worker shows what happened and restarts from the last snapshot', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await showTerminal(page);
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
  const before = await appState(page);
  await page.evaluate(() => window.__kubeplay!.crashWorker());
  const banner = page.getByTestId('crash-banner');
  await banner.waitFor();
  assert.match((await banner.textContent())!, /The simulation stopped.*simulated crash \(debug\.crash\)/s);
  await screenshot('crash-banner');
  const terminalBefore = await terminalText(page);
  await page.getByRole('button', { name: 'Restart from last snapshot' }).click();
  await banner.waitFor({ state: 'detached' });
  await waitForCluster(page);
  await page.waitForFunction((n) => window.__kubeplay!.state().objectIds.length === n, before.objectIds.length);
  assert.deepEqual((await appState(page)).objectIds, before.objectIds);
  // The terminal kept its text and works again.
  assert.ok((await terminalText(page)).startsWith(terminalBefore));
  assert.equal(await typeCommand(page, 'kubectl get deploy web -o name'), 'deployment.apps/web');
});
