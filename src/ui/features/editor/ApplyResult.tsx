/**
 * The message area under the editor: what `kubectl apply` printed for the front tab (created / configured lines in
 * green, errors in red), and its problems as links to their lines.
 */
import { Icon } from '../../components/Icon';
import { clearResult, revealLine, type EditorTab } from './editor-store';
import { outputLineKind } from './output-lines';
import { useEditorT } from './strings';

export function ApplyResult({ tab }: { tab: EditorTab | undefined }) {
  const t = useEditorT();
  const result = tab?.result;
  if (!tab || !result) {
    return (
      <div className="kp-editor-result kp-editor-result-empty" data-testid="editor-result">
        {t('result.empty')}
      </div>
    );
  }
  const out = result.output;
  const stale = result.appliedText !== tab.text;
  const okLines = out ? out.stdout.split('\n').filter((l) => l.trim() !== '').length : 0;
  const status = !out ? 'error' : out.exitCode === 0 ? 'ok' : okLines > 0 ? 'partial' : 'error';
  const title = !out
    ? t('result.bridgeError', { error: result.error ?? '' })
    : status === 'ok'
      ? t('result.ok')
      : status === 'partial'
        ? t('result.partial', { code: out.exitCode })
        : t('result.failed', { code: out.exitCode });
  const lines = (out?.output ?? '').replace(/\n$/, '').split('\n');
  const problems = out?.problems ?? [];
  return (
    <section className="kp-editor-result" data-status={status} data-testid="editor-result" aria-label={t('result.label')} aria-live="polite">
      <header className="kp-editor-result-head">
        <span className="kp-editor-result-status" data-status={status}>
          <span aria-hidden="true">{status === 'ok' ? '✓' : status === 'partial' ? '◐' : '✕'}</span> {title}
        </span>
        <code className="kp-editor-result-command">{t('result.command', { file: result.appliedName })}</code>
        <button type="button" className="kp-editor-icon-button" aria-label={t('result.hide')} title={t('result.hide')} onClick={() => clearResult(tab.id)}>
          <Icon name="close" size={14} />
        </button>
      </header>
      {stale && <p className="kp-editor-result-stale">{t('result.stale')}</p>}
      {problems.length > 0 && (
        <ul className="kp-editor-problems" aria-label={t('result.problems')}>
          {problems.map((p, i) => (
            <li key={i} data-severity={p.severity}>
              <button type="button" className="kp-editor-problem-line" title={t('result.gotoTitle', { line: p.line })} disabled={stale && p.line > tab.text.split('\n').length} onClick={() => revealLine(tab.id, p.line, p.column ?? 1)}>
                {t('result.goto', { line: p.line })}
              </button>
              <span className="kp-editor-problem-message">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
      {out && (
        <pre className="kp-editor-output" data-testid="editor-output">
          {lines.map((line, i) => (
            <span key={i} className="kp-editor-output-line" data-kind={outputLineKind(line)}>
              {line}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}
