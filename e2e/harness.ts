/**
 * A small test harness for the end-to-end specs: specs register tests with `test()`, the runner (run.ts) gives
 * each one a fresh browser context at 1280×720 and collects page errors and screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where screenshots and failure artefacts go (gitignored). */
export const RESULTS_DIR = join(import.meta.dirname, '..', 'test-results');

/** What a test gets. */
export interface TestContext {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Prints a line under the test's name (figures, notes). */
  log(message: string): void;
  /** Opens a second fresh context (e.g. to import a workspace elsewhere). */
  newContext(): Promise<BrowserContext>;
}

/** One registered test. */
export interface TestCase {
  name: string;
  file: string;
  timeoutMs: number;
  run(t: TestContext): Promise<void>;
}

const tests: TestCase[] = [];
let currentFile = '';

/** Registers a test of the spec file being loaded. */
export function test(name: string, run: (t: TestContext) => Promise<void>, opts: { timeoutMs?: number } = {}): void {
  tests.push({ name, file: currentFile, timeoutMs: opts.timeoutMs ?? 60_000, run });
}

/** Loads a spec file and returns the tests it registered. */
export async function loadSpec(path: string, file: string): Promise<TestCase[]> {
  currentFile = file;
  const before = tests.length;
  await import(path);
  return tests.slice(before);
}

/** Options of a new context: a projector-sized viewport, downloads allowed. */
export async function newTestContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, acceptDownloads: true, locale: 'en-US' });
  // tsx compiles specs with esbuild's keepNames, which wraps named functions in `__name(...)`; functions sent to
  // page.evaluate run in the page, where that helper must exist too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

/** Makes sure the results folder exists. */
export function ensureResultsDir(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return RESULTS_DIR;
}
