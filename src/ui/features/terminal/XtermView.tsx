/**
 * The xterm.js terminal (its own lazily loaded chunk): wires the shell to the screen, the bridge, the editor and
 * the clipboard, sizes itself to the dock, and registers itself for the app's test hooks.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { Vocabulary } from '../../../protocol/messages';
import { bridge } from '../../bridge/instance';
import { t, useT } from '../../i18n';
import { saveWorkspace } from '../../persistence/workspace';
import { useClusterStore } from '../../store/cluster-store';
import { useUiStore } from '../../store/ui-store';
import { useSessionStore } from '../../app/session-store';
import { openInEditor } from '../editor';
import type { CompletionContext } from './completion';
import { ShellSession, type ShellHost } from './shell';
import { getInitialHistory, registerTerminal } from './terminal-registry';
import { TERMINAL_FONT, xtermTheme } from './xterm-theme';

/** The Kubernetes version the banner names (the engine simulates v1.34). */
const KUBECTL_VERSION = 'v1.34';

/** The terminal's text: scrollback and screen, wrapped rows joined, trailing blank lines dropped. */
function bufferText(term: Terminal): string {
  const buf = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    const next = buf.getLine(i + 1);
    // Keep trailing spaces of a row that wraps on, so words split at the edge stay apart.
    const text = line.translateToString(!next?.isWrapped);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.join('\n').replace(/\s+$/, '');
}

/** Cell size in CSS pixels, from xterm's renderer (what its fit add-on reads), or measured from the font. */
function cellSize(term: Terminal, el: HTMLElement): { width: number; height: number } {
  const core = (term as unknown as { _core?: { _renderService?: { dimensions?: { css?: { cell?: { width: number; height: number } } } } } })._core;
  const cell = core?._renderService?.dimensions?.css?.cell;
  if (cell && cell.width > 0 && cell.height > 0) return cell;
  const probe = document.createElement('span');
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font-family:${TERMINAL_FONT};font-size:${term.options.fontSize}px`;
  probe.textContent = 'W'.repeat(20);
  el.append(probe);
  const r = probe.getBoundingClientRect();
  probe.remove();
  return { width: r.width / 20 || 8, height: Math.ceil((term.options.fontSize ?? 14) * 1.2) };
}

/** Resizes the terminal to fill `el`. */
function fit(term: Terminal, el: HTMLElement): void {
  const { width, height } = el.getBoundingClientRect();
  if (width < 40 || height < 20) return;
  const cell = cellSize(term, el);
  // Leave room for the scrollbar on the right.
  const cols = Math.max(20, Math.floor((width - 14) / cell.width));
  const rows = Math.max(4, Math.floor(height / cell.height));
  if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
}

/** Object names of a kind (and namespace) from the mirrored cluster store. */
function storeNames(kind: string, namespace: string | undefined): string[] {
  const out: string[] = [];
  for (const o of Object.values(useClusterStore.getState().objects)) {
    if (o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) out.push(o.metadata.name);
  }
  return [...new Set(out)].sort();
}

export default function XtermView({ active }: { active: boolean }) {
  const tr = useT();
  const container = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | undefined>(undefined);
  const theme = useUiStore((s) => s.theme);

  useEffect(() => {
    const el = container.current!;
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: TERMINAL_FONT,
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      theme: xtermTheme(useUiStore.getState().theme),
    });
    termRef.current = term;
    term.open(el);
    fit(term, el);

    let vocabulary: Vocabulary | undefined;
    let asking: Promise<void> | undefined;
    const askVocabulary = () => {
      asking ??= bridge.vocabulary().then(
        (v) => {
          vocabulary = v;
        },
        () => {
          asking = undefined;
        },
      );
    };
    askVocabulary();
    let historyTimer: ReturnType<typeof setTimeout> | undefined;

    const host: ShellHost = {
      write: (s) => term.write(s),
      cols: () => term.cols,
      clearScreen: () => term.clear(),
      kubectl: (line, stdin) => bridge.kubectl(line, stdin !== undefined ? { stdin } : {}),
      step: (ms) => bridge.step(ms),
      openInEditor: (name, yaml) => {
        try {
          return (openInEditor(name, yaml) as unknown) !== false;
        } catch {
          return false;
        }
      },
      completion: (): CompletionContext => {
        if (!vocabulary) askVocabulary();
        return {
          vocabulary,
          names: storeNames,
          namespaces: () => storeNames('Namespace', undefined),
          defaultNamespace: 'default',
        };
      },
      t: (key, vars) => t(key, vars),
      historyChanged: (history) => {
        clearTimeout(historyTimer);
        historyTimer = setTimeout(() => void saveWorkspace({ terminal: { history: [...history] } }).catch(() => undefined), 500);
      },
    };
    const shell = new ShellSession(host, getInitialHistory());
    const seed = useSessionStore.getState().seed;
    shell.start(`\x1b[1m${t('terminal.banner', { version: KUBECTL_VERSION, seed })}\x1b[0m\n\x1b[2m${t('terminal.bannerHint')}\x1b[0m`);
    const data = term.onData((d) => void shell.feed(d));

    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'c' && (term.hasSelection() || e.shiftKey || e.metaKey)) {
        if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
        return false;
      }
      // Let the browser deliver the paste event; xterm.js turns it into input.
      if (mod && key === 'v') return false;
      // Escape hands keyboard focus back to the page, so Tab can complete inside the terminal without trapping it.
      if (e.key === 'Escape') {
        term.blur();
        document.getElementById('dock-tab-terminal')?.focus();
        return false;
      }
      return true;
    });

    const observer = new ResizeObserver(() => fit(term, el));
    observer.observe(el);
    registerTerminal({
      text: () => bufferText(term),
      run: (line) => shell.run(line),
      focus: () => term.focus(),
    });
    return () => {
      registerTerminal(undefined);
      observer.disconnect();
      data.dispose();
      clearTimeout(historyTimer);
      term.dispose();
      termRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = xtermTheme(theme);
  }, [theme]);

  useEffect(() => {
    if (active && termRef.current && container.current) fit(termRef.current, container.current);
  }, [active]);

  return <div className="terminal-host" ref={container} aria-label={tr('terminal.label')} role="group" data-testid="terminal" />;
}
