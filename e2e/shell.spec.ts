/**
 * The app shell, the terminal and the timeline in a real browser: a seeded paused cluster, kubectl typed into the
 * terminal, the clock's step buttons, completion, heredocs, `kubectl edit`, the events tab, 中文, the dark theme and
 * keyboard access.
 */
import assert from 'node:assert/strict';
import { appState, clusterTime, kubectl, openApp, seconds, showTerminal, terminalText, typeCommand } from './app-page';
import { test } from './harness';

test('opens paused with a seed, the same names every time', async ({ page, baseUrl, screenshot, newContext }) => {
  await openApp(page, baseUrl, { seed: '7', paused: '1' });
  await assert.doesNotReject(page.getByTestId('clock-state').getByText('Paused').waitFor());
  assert.equal(await page.getByRole('button', { name: 'Run the cluster clock' }).count(), 1);
  const first = await appState(page);
  assert.equal(first.seed, 7);
  assert.equal(first.paused, true);
  // The cluster boots at the fixed start time; paused, the clock does not move.
  const t1 = await clusterTime(page);
  await page.waitForTimeout(600);
  assert.equal(await clusterTime(page), t1);
  await showTerminal(page);
  await screenshot('shell-light');

  const other = await newContext();
  const page2 = await other.newPage();
  await openApp(page2, baseUrl, { seed: '7', paused: '1' });
  assert.deepEqual((await appState(page2)).objectIds, first.objectIds);
  await openApp(page2, baseUrl, { seed: '8', paused: '1' });
  assert.notDeepEqual((await appState(page2)).objectIds, first.objectIds);
});

test('kubectl get pods -A typed into the terminal prints the system pods', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await showTerminal(page);
  const out = await typeCommand(page, 'kubectl get pods -A');
  const lines = out.split('\n');
  assert.match(lines[0]!, /^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE$/);
  const names = lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4).join(' '));
  assert.ok(names.some((n) => /^kube-system coredns-[a-z0-9]+-[a-z0-9]{5} 1\/1 Running$/.test(n)), out);
  assert.ok(names.includes('kube-system etcd-kubeplay-control-plane 1/1 Running'), out);
  assert.ok(lines.slice(1).every((l) => / Running +0 +\d+s$/.test(l)), out);
  // kubectl output stays plain text: the same as the bridge answers without a terminal.
  assert.equal(`${out}\n`, (await kubectl(page, 'kubectl get pods -A')).output);
});

test('scale a deployment from the terminal and see the cluster follow', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await showTerminal(page);
  assert.equal(await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2'), 'deployment.apps/web created');
  await page.getByRole('button', { name: '+10s' }).click();
  await page.getByRole('button', { name: '+10s' }).click();
  assert.equal(await typeCommand(page, 'k scale deployment web --replicas=4'), 'deployment.apps/web scaled');
  await page.getByRole('button', { name: '+10s' }).click();
  await page.getByRole('button', { name: '+10s' }).click();
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.filter((id) => id.startsWith('Pod/default/web-')).length === 4);
  const out = await typeCommand(page, 'kubectl get deploy web');
  assert.match(out, /^NAME {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nweb {4}4\/4 {5}4 {12}4 {11}\d+s$/);
  // When the graph is on the page, it shows the four pods by their ids.
  if ((await page.locator('[data-id^="Node/"]').count()) > 0) {
    await page.waitForFunction(() => new Set([...document.querySelectorAll('[data-id^="Pod/default/web-"]')].map((e) => e.getAttribute('data-id'))).size === 4, undefined, { timeout: 10_000 });
  }
  await screenshot('shell-scaled');
});

test('+10s advances the paused clock by ten seconds', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  const before = seconds(await clusterTime(page));
  const elapsedBefore = await page.getByTestId('cluster-elapsed').textContent();
  await page.getByRole('button', { name: '+10s' }).click();
  await page.waitForFunction((b) => {
    const [h, m, s] = (document.querySelector('[data-testid="cluster-time"]')?.textContent ?? '').split(':').map(Number);
    return h! * 3600 + m! * 60 + s! === b + 10;
  }, before);
  assert.notEqual(await page.getByTestId('cluster-elapsed').textContent(), elapsedBefore);
  await page.getByRole('button', { name: '+1m' }).click();
  await page.waitForFunction((b) => (document.querySelector('[data-testid="cluster-time"]')?.textContent ?? '').length > 0 && b > 0, before);
  await page.waitForFunction((b) => {
    const [h, m, s] = (document.querySelector('[data-testid="cluster-time"]')?.textContent ?? '').split(':').map(Number);
    return h! * 3600 + m! * 60 + s! === b + 70;
  }, before);
  // Running at 60×, virtual time moves on its own.
  await page.getByRole('button', { name: '60×' }).click();
  await page.getByRole('button', { name: 'Run the cluster clock' }).click();
  await page.waitForFunction((b) => {
    const [h, m, s] = (document.querySelector('[data-testid="cluster-time"]')?.textContent ?? '').split(':').map(Number);
    return h! * 3600 + m! * 60 + s! >= b + 100;
  }, before);
  const state = await appState(page);
  assert.equal(state.speed, 60);
  assert.equal(state.paused, false);
});

test('tab completion, history and a heredoc in the terminal', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await showTerminal(page);
  const input = page.locator('[data-testid="terminal"] .xterm-helper-textarea');
  await input.focus();
  await page.keyboard.type('kubectl desc');
  await page.keyboard.press('Tab');
  // `node` could be node or nodes: the second Tab lists both under the line.
  await page.keyboard.type('node');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => /\nnode {3}nodes\n\$ kubectl describe node$/.test(window.__kubeplay!.terminalText()));
  await page.keyboard.type('s');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kubeplay-c');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\$ kubectl describe nodes kubeplay-control-plane ?\nName: {15}kubeplay-control-plane\n/.test(window.__kubeplay!.terminalText()), undefined, { timeout: 10_000 }).catch(async () => {
    const text = await terminalText(page);
    throw new Error(`completion did not produce the command:\n${text.slice(text.indexOf('$ kubectl desc'), text.indexOf('$ kubectl desc') + 400)}`);
  });
  await page.waitForFunction(() => /\n\$$/.test(window.__kubeplay!.terminalText()));

  const heredoc = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lesson', 'data:', '  greeting: 你好', 'EOF'];
  await input.focus();
  for (const line of heredoc) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(() => window.__kubeplay!.terminalText().endsWith('configmap/lesson created\n$'));
  const text = await terminalText(page);
  assert.ok(text.includes('$ kubectl apply -f - <<EOF\n> apiVersion: v1\n> kind: ConfigMap'), text.slice(-400));
  assert.equal((await kubectl(page, 'kubectl get configmap lesson -o jsonpath={.data.greeting}')).stdout, '你好');

  // ↑ brings back the heredoc's command line; Ctrl+C drops it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+c');
  await page.waitForFunction(() => window.__kubeplay!.terminalText().endsWith('$ kubectl apply -f - <<EOF^C\n$'));
  assert.equal(await typeCommand(page, 'kubectl get cm lesson -o name'), 'configmap/lesson');
});

test('kubectl edit opens the live object in the editor', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await kubectl(page, 'kubectl create deployment web --image=nginx');
  await showTerminal(page);
  // A collapsed editor comes back to show the object.
  await page.getByRole('button', { name: 'Collapse Editor' }).click();
  const out = await typeCommand(page, 'kubectl edit deployment/web');
  assert.equal(out, 'Opened deployment/web in the editor as deployment-web.yaml: change it, then Apply (Ctrl+Enter) to save.');
  await page.locator('#editor-panel').getByText('deployment-web.yaml').first().waitFor();
  await screenshot('shell-edit');
  assert.equal(await typeCommand(page, 'kubectl edit deployment/nope'), 'Error from server (NotFound): deployments.apps "nope" not found');
});

test('the events tab lists what the cluster did, newest first, with filters', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await kubectl(page, 'kubectl create deployment broken --image=nginx:no-such-tag');
  await page.getByRole('button', { name: '+1m' }).click();
  await page.getByRole('tab', { name: 'Events' }).click();
  const table = page.getByTestId('events-table');
  await table.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="events-table"] tbody tr').length > 10);
  const firstTimes = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(firstTimes, [...firstTimes].sort().reverse(), 'newest first');
  assert.ok((await table.locator('tbody').textContent())!.includes('ScalingReplicaSet'));
  await page.getByTestId('events-object').fill('deployment/web');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="events-table"] tbody tr td:nth-child(5)')].every((td) => td.textContent === 'deployment/web'));
  assert.equal(await table.locator('tbody tr').count(), 1);
  await page.getByTestId('events-object').fill('');
  const warnings = await kubectl(page, 'kubectl get events --field-selector type=Warning -o name');
  await page.getByTestId('events-type').selectOption('Warning');
  if (warnings.stdout.trim()) {
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="events-table"] tbody tr td:nth-child(3)')].every((td) => td.textContent?.includes('Warning')));
  }
  await page.getByTestId('events-type').selectOption('');
  await screenshot('events-timeline');
});

test('switches to 中文 and back; ?lang=zh opens in Chinese', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1' });
  await page.getByTestId('language-toggle').click();
  await page.getByText('集群时间').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.getByRole('tab', { name: '终端' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: '运行集群时钟' }).count(), 1);
  await showTerminal(page);
  // kubectl output is never translated.
  assert.equal(await typeCommand(page, 'kubectl get deploy'), 'No resources found in default namespace.');
  await screenshot('shell-zh');
  await page.getByTestId('language-toggle').click();
  await page.getByText('Cluster time').waitFor();

  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'zh' });
  await page.getByText('集群时间').waitFor();
});

test('dark theme, keyboard focus order and resizable panels', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', theme: 'dark' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await showTerminal(page);
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await page.getByRole('button', { name: '+10s' }).click();
  await typeCommand(page, 'kubectl get pods');
  await screenshot('shell-dark');

  // Tab walks the top bar in reading order from the start of a fresh page: skip link, play, speeds, …
  await openApp(page, baseUrl, { seed: '1', paused: '1', theme: 'dark' });
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim()));
  }
  assert.deepEqual(names, ['Skip to the graph', 'Run the cluster clock', '1×', '2×', '5×', '10×']);

  // A splitter resizes with the arrow keys and collapse buttons hide panels.
  const splitter = page.getByRole('separator', { name: 'Resize Terminal, events and charts' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(Number(await splitter.getAttribute('aria-valuenow')), before + 32);
  await page.getByRole('button', { name: 'Collapse Inspector' }).click();
  await page.getByRole('button', { name: 'Expand Inspector' }).click();
  await page.getByRole('button', { name: 'Collapse Inspector' }).waitFor();
  // The theme follows the toggle.
  await page.getByTestId('theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
});
