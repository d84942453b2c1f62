/** The charts panel (placeholder until the charts land). */
import { createElement } from 'react';
import { t } from '../../i18n';

/** The charts panel. */
export function ChartsPanel() {
  return createElement('div', { className: 'panel-placeholder' }, t('dock.charts'));
}
