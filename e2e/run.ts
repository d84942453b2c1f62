/**
 * The end-to-end runner: builds the app, serves `dist/` with `vite preview` on a free port, runs every
 * `e2e/*.spec.ts` in Debian's Chromium (playwright-core, no browser download), then stops the server.
 *
 *   npm run test:e2e                      build (into a private folder), then run every spec
 *   npm run test:e2e -- --skip-build      serve the existing dist/ instead of building
 *   npm run test:e2e -- --grep terminal   only tests whose name matches
 *   npm run test:e2e -- perf              only spec files whose name contains "perf"
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium. Screenshots land in test-results/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureResultsDir, loadSpec, newTestContext, RESULTS_DIR, type TestCase, type TestContext } from './harness';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? new RegExp(args[grepAt + 1] ?? '', 'i') : undefined;
const fileFilters = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--grep');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

function stopServer(server: ChildProcess | undefined): void {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    // The server runs in its own process group (detached), so its children stop with it.
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runTest(browser: Browser, baseUrl: string, tc: TestCase): Promise<{ ok: boolean; ms: number }> {
  const started = Date.now();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
  };
  const context = await newTestContext(browser);
  contexts.push(context);
  context.on('page', watch);
  const page = await context.newPage();
  const slug = tc.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const t: TestContext = {
    page,
    context,
    baseUrl,
    screenshot: async (name) => {
      const path = join(ensureResultsDir(), `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    log: (message) => console.log(`      ${message}`),
    newContext: async () => {
      const c = await newTestContext(browser);
      c.on('page', watch);
      contexts.push(c);
      return c;
    },
  };
  let ok = true;
  try {
    await withTimeout(tc.run(t), tc.timeoutMs, `"${tc.name}"`);
    if (pageErrors.length) throw new Error(`uncaught errors in the page:\n        ${pageErrors.join('\n        ')}`);
  } catch (e) {
    ok = false;
    console.log(`    ✗ ${tc.name}\n      ${(e instanceof Error ? e.stack ?? e.message : String(e)).split('\n').slice(0, 8).join('\n      ')}`);
    try {
      const path = join(ensureResultsDir(), `FAILED-${slug}.png`);
      await page.screenshot({ path });
      console.log(`      screenshot: ${path}`);
    } catch {
      // the page may be gone
    }
  }
  if (consoleErrors.length) console.log(`      console errors:\n        ${[...new Set(consoleErrors)].slice(0, 5).join('\n        ')}`);
  for (const c of contexts) await c.close().catch(() => undefined);
  const ms = Date.now() - started;
  if (ok) console.log(`    ✓ ${tc.name} (${(ms / 1000).toFixed(1)} s)`);
  return { ok, ms };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  if (!existsSync(chromiumPath)) {
    console.error(`e2e: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return 1;
  }
  // Failure screenshots of an earlier run would mislead.
  if (existsSync(RESULTS_DIR)) for (const f of readdirSync(RESULTS_DIR)) if (f.startsWith('FAILED-')) rmSync(join(RESULTS_DIR, f));
  // A private build folder: a `vite build` run elsewhere meanwhile cannot swap files under the server.
  const outDir = skipBuild ? join(root, 'dist') : mkdtempSync(join(tmpdir(), 'kubeplay-e2e-dist-'));
  if (!skipBuild) {
    console.log('e2e: vite build');
    const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      rmSync(outDir, { recursive: true, force: true });
      return build.status ?? 1;
    }
  }
  const specFiles = readdirSync(join(root, 'e2e'))
    .filter((f) => /\.spec\.ts$/.test(f))
    .filter((f) => fileFilters.length === 0 || fileFilters.some((x) => f.includes(x)))
    .sort();
  const tests: TestCase[] = [];
  for (const f of specFiles) tests.push(...(await loadSpec(pathToFileURL(join(root, 'e2e', f)).href, f)));
  const selected = tests.filter((tc) => !grep || grep.test(tc.name));
  if (selected.length === 0) {
    console.error('e2e: no tests selected');
    return 1;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'kubeplay-e2e-'));
  let failed = 0;
  try {
    server = spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForServer(`${baseUrl}/`, server, 30_000);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disk-cache-dir=${profile}`],
    });
    console.log(`e2e: ${selected.length} tests from ${specFiles.join(', ')} against ${baseUrl} (Chromium ${browser.version()})`);
    let file = '';
    for (const tc of selected) {
      if (tc.file !== file) {
        file = tc.file;
        console.log(`  ${file}`);
      }
      const r = await runTest(browser, baseUrl, tc);
      if (!r.ok) failed++;
    }
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer(server);
    rmSync(profile, { recursive: true, force: true });
    if (!skipBuild) rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`e2e: ${selected.length - failed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s; artefacts in ${RESULTS_DIR}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
