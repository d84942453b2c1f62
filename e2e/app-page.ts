/**
 * Page helpers for KubePlay: open the app with URL parameters and wait for the cluster, type into the terminal
 * and wait for the command to finish, read the clock. They use the app's `window.__kubeplay` test hooks.
 */
import type { Page } from 'playwright-core';
import type { CommandOutput } from '../src/protocol/messages';
import type { KubePlayTestHooks } from '../src/ui/app/test-hooks';

declare global {
  interface Window {
    __kubeplay?: KubePlayTestHooks;
  }
}

/** Opens the app and waits until the cluster has booted. */
export async function openApp(page: Page, baseUrl: string, params: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams(params).toString();
  await page.goto(`${baseUrl}/${q ? `?${q}` : ''}`);
  await waitForCluster(page);
}

/** Waits until the cluster has booted and the first frame arrived. */
export async function waitForCluster(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__kubeplay?.ready() === true, undefined, { timeout: 30_000 });
}

/** Shows the terminal tab and waits for its first prompt. */
export async function showTerminal(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^(Terminal|终端)$/ }).click();
  await page.waitForFunction(() => /\n\$$/.test(window.__kubeplay?.terminalText() ?? ''), undefined, { timeout: 20_000 });
}

/** The terminal's text. */
export function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => window.__kubeplay!.terminalText());
}

/**
 * Types `line` into the terminal with the keyboard, presses Enter and waits for the next prompt; returns what the
 * command printed (the text between the command line and the next prompt).
 */
export async function typeCommand(page: Page, line: string, opts: { timeoutMs?: number } = {}): Promise<string> {
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus();
  const before = (await terminalText(page)).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const handle = await page.waitForFunction(
    ({ before, line }) => {
      const text = window.__kubeplay!.terminalText();
      const at = text.indexOf(`$ ${line}`, Math.max(0, before - 2));
      if (at < 0 || !/\n\$$/.test(text)) return undefined;
      const rest = text.slice(at + line.length + 2);
      if (!rest.startsWith('\n')) return undefined;
      return rest.slice(1).replace(/\n?\$$/, '');
    },
    { before, line },
    { timeout: opts.timeoutMs ?? 20_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Runs kubectl through the bridge (no typing); for setting up state quickly. */
export function kubectl(page: Page, line: string): Promise<CommandOutput> {
  return page.evaluate((l) => window.__kubeplay!.kubectl(l), line);
}

/** The mirrored store's state. */
export function appState(page: Page) {
  return page.evaluate(() => window.__kubeplay!.state());
}

/** The clock's `HH:MM:SS` text. */
export async function clusterTime(page: Page): Promise<string> {
  return (await page.getByTestId('cluster-time').textContent()) ?? '';
}

/** Seconds of an `HH:MM:SS` text. */
export function seconds(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}
