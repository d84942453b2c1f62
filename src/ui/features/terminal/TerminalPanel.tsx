/** The terminal tab: loads xterm.js in its own chunk the first time it is shown. */
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n';

const XtermView = lazy(() => import('./XtermView'));

export function TerminalPanel({ active }: { active: boolean }) {
  const t = useT();
  return (
    <Suspense fallback={<div className="dock-loading">{t('terminal.loading')}</div>}>
      <XtermView active={active} />
    </Suspense>
  );
}
