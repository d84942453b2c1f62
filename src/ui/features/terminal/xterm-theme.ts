/** xterm.js colours for the app's light and dark themes (plain output, green prompt, cyan notes). */
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../../store/ui-store';

/** The xterm theme matching the app theme. */
export function xtermTheme(theme: Theme): ITheme {
  return theme === 'dark'
    ? {
        background: '#0f141b',
        foreground: '#e3e8ef',
        cursor: '#e3e8ef',
        cursorAccent: '#0f141b',
        selectionBackground: '#2f4a6e',
        black: '#0f141b',
        green: '#4cc27a',
        brightGreen: '#6fd896',
        cyan: '#6cb6ff',
        red: '#f47067',
        yellow: '#e3b341',
        white: '#e3e8ef',
      }
    : {
        background: '#fbfcfd',
        foreground: '#1c2128',
        cursor: '#1c2128',
        cursorAccent: '#fbfcfd',
        selectionBackground: '#b9d3f5',
        black: '#1c2128',
        green: '#1a7f37',
        brightGreen: '#1f883d',
        cyan: '#0b62c4',
        red: '#c4302b',
        yellow: '#9a6700',
        white: '#6e7781',
      };
}

/** Monospace fonts with CJK fallbacks, so Chinese names line up. */
export const TERMINAL_FONT = '"Cascadia Mono", "JetBrains Mono", "DejaVu Sans Mono", "Noto Sans Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC", "WenQuanYi Micro Hei Mono", ui-monospace, Menlo, Consolas, monospace';
