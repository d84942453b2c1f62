/** The whole page: top bar, the editor | graph | inspector row, the bottom dock, and the crash banner. */
import { useEffect } from 'react';
import { onOpenInEditor } from '../features/editor';
import { htmlLang } from '../i18n';
import { useUiStore } from '../store/ui-store';
import { CrashBanner, NoticeBar } from './CrashBanner';
import { useLayoutStore } from './layout-store';
import { MainLayout } from './MainLayout';
import { TopBar } from './TopBar';

export function App() {
  const language = useUiStore((s) => s.language);
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = htmlLang(language);
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  // `kubectl edit` and `> file.yaml` open a tab: a collapsed editor comes back to show it.
  useEffect(() => onOpenInEditor(() => useLayoutStore.getState().set({ editorCollapsed: false })), []);
  return (
    <div className="app">
      <TopBar />
      <CrashBanner />
      <NoticeBar />
      <MainLayout />
    </div>
  );
}
