/**
 * The live graph, the inspector and the charts in a real browser: a Deployment's pods appear in their node lanes
 * and follow a scale; clicking a pod shows its describe text, YAML, events, containers and logs, and Edit opens it
 * in the editor; the Workloads, Network and Storage views; the unscheduled tray with the scheduler's reason; the
 * namespace filter; the charts; 中文 and the dark theme.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appState, kubectl, openApp, showTerminal, typeCommand } from './app-page';
import { test } from './harness';

/** Clicks a time-step button `times` times, waiting for the clock to move each time. */
async function step(page: Page, label: '+1s' | '+10s' | '+1m', times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = (await appState(page)).nowMs;
    await page.getByRole('button', { name: label, exact: true }).click();
    await page.waitForFunction((b) => window.__kubeplay!.state().nowMs > b, before);
  }
}

/** The data-ids of pod chips inside each node lane: `{ 'Node/x': ['Pod/default/web-…', …] }`. */
function podsInLanes(page: Page, prefix: string): Promise<Record<string, string[]>> {
  return page.evaluate((p) => {
    const out: Record<string, string[]> = {};
    for (const lane of document.querySelectorAll('.react-flow__node[data-id^="Node/"]')) {
      out[lane.getAttribute('data-id')!] = [...lane.querySelectorAll(`[data-id^="${p}"]`)].map((e) => e.getAttribute('data-id')!).sort();
    }
    return out;
  }, prefix);
}

/** Waits until exactly `n` distinct pod chips with ids starting `prefix` are in the graph. */
async function waitForChips(page: Page, prefix: string, n: number): Promise<void> {
  await page.waitForFunction(
    ({ p, n }) => new Set([...document.querySelectorAll(`.react-flow__node [data-id^="${p}"]`)].map((e) => e.getAttribute('data-id'))).size === n,
    { p: prefix, n },
    { timeout: 15_000 },
  );
}

/** Where the cluster put each pod (`spec.nodeName`), read through kubectl. */
async function nodeOfPods(page: Page, selector: string): Promise<Record<string, string>> {
  const r = await kubectl(page, `kubectl get pods -l ${selector} -o json`);
  const list = JSON.parse(r.stdout) as { items: { metadata: { name: string }; spec: { nodeName?: string } }[] };
  return Object.fromEntries(list.items.map((p) => [p.metadata.name, p.spec.nodeName ?? '']));
}

async function showView(page: Page, view: 'cluster' | 'workloads' | 'network' | 'storage'): Promise<void> {
  await page.locator(`[data-view="${view}"]`).click();
  await page.waitForFunction((v) => document.querySelector(`[data-view="${v}"]`)?.getAttribute('aria-selected') === 'true', view);
}

test('graph: a Deployment applied from the terminal lands in the node lanes and follows a scale', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  // Three lanes (control plane first), each carrying its node's name as its data-id.
  assert.deepEqual(await page.locator('.react-flow__node[data-id^="Node/"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['Node/kubeplay-control-plane', 'Node/kubeplay-worker', 'Node/kubeplay-worker2']);
  await showTerminal(page);
  assert.equal(await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=3'), 'deployment.apps/web created');
  await step(page, '+10s', 3);
  await waitForChips(page, 'Pod/default/web-', 3);

  // Every chip sits in the lane of the node the scheduler chose, and says what kubectl says.
  const where = await nodeOfPods(page, 'app=web');
  const lanes = await podsInLanes(page, 'Pod/default/web-');
  for (const [lane, pods] of Object.entries(lanes)) for (const id of pods) assert.equal(`Node/${where[id.split('/')[2]!]}`, lane, `${id} is drawn in ${lane}`);
  assert.equal(Object.values(lanes).flat().length, 3);
  assert.deepEqual(await page.locator('.react-flow__node [data-id^="Pod/default/web-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), ['ready', 'ready', 'ready']);
  assert.match((await page.locator('.react-flow__node [data-id^="Pod/default/web-"]').first().textContent())!, /Running$/);
  await screenshot('graph-cluster-3-pods');

  // Scale up: the new pods appear; the first three keep their lanes.
  assert.equal(await typeCommand(page, 'kubectl scale deployment web --replicas=6'), 'deployment.apps/web scaled');
  await step(page, '+10s', 3);
  await waitForChips(page, 'Pod/default/web-', 6);
  const after = await podsInLanes(page, 'Pod/default/web-');
  for (const [lane, pods] of Object.entries(lanes)) for (const id of pods) assert.ok(after[lane]!.includes(id), `${id} stayed in ${lane}`);
  await screenshot('graph-cluster-scaled-up');

  // Scale down: the graph follows once the pods are gone.
  assert.equal(await typeCommand(page, 'kubectl scale deployment web --replicas=2'), 'deployment.apps/web scaled');
  await step(page, '+1m');
  await waitForChips(page, 'Pod/default/web-', 2);
  const remaining = Object.keys(await nodeOfPods(page, 'app=web')).map((n) => `Pod/default/${n}`).sort();
  assert.deepEqual(Object.values(await podsInLanes(page, 'Pod/default/web-')).flat().sort(), remaining);
  await screenshot('graph-cluster-scaled-down');
});

test('graph: clicking a pod opens the inspector with describe, YAML, events, containers, logs and Edit', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await kubectl(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await step(page, '+10s', 3);
  await waitForChips(page, 'Pod/default/web-', 2);
  const chip = page.locator('.react-flow__node [data-id^="Pod/default/web-"]').first();
  const id = (await chip.getAttribute('data-id'))!;
  const name = id.split('/')[2]!;
  await chip.click();

  // Describe: the same text kubectl describe prints.
  const describe = page.getByTestId('inspector-describe');
  await describe.waitFor();
  const text = (await describe.textContent())!;
  assert.match(text, new RegExp(`^Name: +${name}\\nNamespace: +default\\n`));
  assert.match(text, /\nStatus: +Running\n/);
  assert.equal(text.trimEnd(), (await kubectl(page, `kubectl describe pod ${name}`)).output.trimEnd());
  await screenshot('inspector-describe');

  // YAML: kubectl get -o yaml.
  await page.locator('[data-tab="yaml"]').click();
  const yaml = (await page.getByTestId('inspector-yaml').textContent())!;
  assert.equal(yaml, (await kubectl(page, `kubectl get pod ${name} -o yaml`)).stdout);

  // Events, newest first: the scheduler's decision is the oldest.
  await page.locator('[data-tab="events"]').click();
  const events = await page.getByTestId('inspector-events').locator('li').allTextContents();
  assert.ok(events.length >= 4, events.join('\n'));
  assert.match(events[events.length - 1]!, /Scheduled.*default-scheduler.*Successfully assigned default\/.* to kubeplay-worker/);

  // Containers and logs.
  await page.locator('[data-tab="containers"]').click();
  const containers = (await page.getByTestId('inspector-containers').textContent())!;
  assert.match(containers, /nginx:1\.27/);
  assert.match(containers, /Running · started \d+s ago/);
  await page.locator('[data-tab="logs"]').click();
  await page.getByTestId('inspector-logs').waitFor();
  await screenshot('inspector-logs');

  // Edit opens the live object in an editor tab named as `kubectl edit` names it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.waitForFunction((f) => window.__kubeplayEditor?.active() === f, `pod-${name}.yaml`, { timeout: 15_000 });
  const opened = await page.evaluate((f) => window.__kubeplayEditor!.files().find((x) => x.name === f)?.text ?? '', `pod-${name}.yaml`);
  assert.match(opened, new RegExp(`\\n  name: ${name}\\n`));
});

test('graph: a rollout in the Workloads view shows the old and new ReplicaSets side by side', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await kubectl(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=4');
  await step(page, '+10s', 3);
  await kubectl(page, 'kubectl set image deployment/web nginx=nginx:1.28');
  await step(page, '+1s', 2);
  await showView(page, 'workloads');
  const rs = page.locator('.react-flow__node[data-id^="ReplicaSet/default/web-"]');
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node[data-id^="ReplicaSet/default/web-"]').length === 2);
  const boxes = await rs.evaluateAll((els) => els.map((e) => ({ rev: e.querySelector('.kp-tag--rev')?.textContent, x: e.getBoundingClientRect().x, y: Math.round(e.getBoundingClientRect().y) })));
  boxes.sort((a, b) => a.x - b.x);
  assert.deepEqual(boxes.map((b) => b.rev), ['rev 1', 'rev 2']);
  assert.equal(boxes[0]!.y, boxes[1]!.y);
  // Ownership edges from the Deployment to both ReplicaSets.
  assert.equal(await page.locator('.react-flow__edge[data-id^="owner:Deployment/default/web->ReplicaSet/"]').count(), 2);
  // Every pod of the Deployment is drawn inside its ReplicaSet's card.
  const ids = (await appState(page)).objectIds.filter((i) => i.startsWith('Pod/default/web-'));
  assert.equal(await page.locator('.react-flow__node[data-id^="ReplicaSet/"] [data-id^="Pod/default/web-"]').count(), ids.length);
  await screenshot('graph-workloads-rollout');
  await step(page, '+1m');
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node[data-id^="ReplicaSet/default/web-"]').length === 1);
});

test('graph: the Network view draws a Service with solid edges to its ready endpoints', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await kubectl(page, 'kubectl expose deployment web --port=80');
  await step(page, '+10s', 3);
  await showView(page, 'network');
  await page.locator('.react-flow__node[data-id="Service/default/web"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge.kp-edge--ready[data-id^="ep:Service/default/web->Pod/default/web-"]').length === 3);
  assert.match((await page.locator('.react-flow__node[data-id="Service/default/web"]').textContent())!, /3\/3 endpoints ready/);
  await screenshot('graph-network');
});

test('graph: the Storage view chains Pod → PVC → PV → StorageClass from the editor example', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await page.waitForFunction(() => window.__kubeplayEditor?.loaded() === true, undefined, { timeout: 30_000 });
  await page.getByTestId('editor-examples').click();
  await page.getByTestId('editor-example-pv-pvc').click();
  await page.waitForFunction(() => window.__kubeplayEditor!.active() === 'pv-pvc.yaml');
  await page.getByTestId('editor-apply').click();
  await page.waitForFunction(() => window.__kubeplay!.state().objectIds.includes('Pod/default/task-pv-pod'));
  await step(page, '+10s', 2);
  await showView(page, 'storage');
  for (const id of ['Pod/default/task-pv-pod', 'PersistentVolumeClaim/default/task-pvc', 'PersistentVolume/task-pv']) await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor();
  await page.locator('.react-flow__edge[data-id="uses:Pod/default/task-pv-pod->PersistentVolumeClaim/default/task-pvc"]').waitFor({ state: 'attached' });
  await page.locator('.react-flow__edge[data-id="bind:PersistentVolumeClaim/default/task-pvc->PersistentVolume/task-pv"]').waitFor({ state: 'attached' });
  assert.match((await page.locator('.react-flow__node[data-id="PersistentVolume/task-pv"]').textContent())!, /capacity 2Gi/);
  await screenshot('graph-storage');
});

test('graph: a pod no node can take waits in the unscheduled tray with the scheduler’s reason', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await kubectl(page, 'kubectl create deployment huge --image=nginx --replicas=1');
  await kubectl(page, 'kubectl set resources deployment huge --requests=cpu=64');
  await step(page, '+10s', 2);
  const tray = page.locator('.react-flow__node[data-id="lane:unscheduled"]');
  await tray.waitFor();
  const waiting = await tray.locator('[data-id^="Pod/default/huge-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  assert.ok(waiting.length >= 1, 'a huge pod waits in the tray');
  const pending = (await kubectl(page, 'kubectl get pods --field-selector=status.phase=Pending -o name')).stdout.trim().split('\n').map((l) => `Pod/default/${l.replace('pod/', '')}`);
  assert.deepEqual(waiting.sort(), pending.sort());
  // The scheduler's message shows in the tray and on the chip's hover text.
  assert.match((await tray.locator('.kp-tray__reason').textContent())!, /^0\/3 nodes are available: .*Insufficient cpu/);
  assert.match((await tray.locator('[data-id^="Pod/default/huge-"]').first().getAttribute('title'))!, /Insufficient cpu/);
  await screenshot('graph-unscheduled');
});

test('graph: the namespace filter shows the system pods of the control plane', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await page.locator('.kp-ns select').selectOption('kube-system');
  await page.locator('.react-flow__node[data-id="Node/kubeplay-control-plane"] [data-id="Pod/kube-system/etcd-kubeplay-control-plane"]').waitFor();
  await page.locator('.kp-ns select').selectOption('default');
  await page.locator('[data-id="Pod/kube-system/etcd-kubeplay-control-plane"]').waitFor({ state: 'detached' });
});

test('graph: the charts sample pods by phase and requested vs allocatable resources over virtual time', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=4');
  await step(page, '+10s', 4);
  await page.getByRole('tab', { name: 'Charts' }).click();
  const charts = page.getByTestId('charts');
  await charts.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="charts"] svg.recharts-surface').length >= 3);
  const titles = await charts.locator('.kp-chart__title').allTextContents();
  assert.deepEqual(titles.map((t) => t.replace(/namespace.*/, '').trim()), ['Pods by phase', 'CPU: requested vs allocatable', 'Memory: requested vs allocatable']);
  // The pods chart draws the Running series; axis ticks are cluster times.
  assert.ok((await charts.locator('.recharts-area').count()) >= 5);
  const ticks = await charts.locator('.recharts-cartesian-axis-tick-value').allTextContents();
  assert.ok(ticks.some((t) => /^\d\d:\d\d:\d\d$/.test(t)), ticks.join(' '));
  await screenshot('charts');
});

test('graph: 中文 and the dark theme', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'zh', theme: 'dark' });
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await kubectl(page, 'kubectl run crash --image=busybox -- sh -c "exit 1"');
  await step(page, '+10s', 6);
  await waitForChips(page, 'Pod/default/web-', 3);
  assert.deepEqual(await page.locator('[data-view]').allTextContents(), ['集群', '工作负载', '网络', '存储']);
  await page.locator('[data-id="Pod/default/crash"]').click();
  await page.getByTestId('inspector-describe').waitFor();
  // kubectl's words are not translated.
  assert.match((await page.getByTestId('inspector-describe').textContent())!, /^Name: +crash\n/);
  assert.match((await page.locator('[data-id="Pod/default/crash"]').textContent())!, /crash.*(CrashLoopBackOff|Error)/);
  await screenshot('graph-zh-dark');
});

test('graph: the keyboard reaches a node and Enter opens it in the inspector', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl, { seed: '1', paused: '1', lang: 'en', theme: 'light' });
  await page.locator('.react-flow__node[data-id="Node/kubeplay-worker"]').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('inspector-describe').waitFor();
  assert.match((await page.getByTestId('inspector-describe').textContent())!, /^Name: +kubeplay-worker\nRoles: +<none>\n/);
});
