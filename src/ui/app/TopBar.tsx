/** The top bar: logo, cluster clock, time controls, workspace actions, language and theme. */
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { ClusterClock } from './ClusterClock';
import { SettingsToggles } from './SettingsToggles';
import { TimeControls } from './TimeControls';
import { WorkspaceActions } from './WorkspaceActions';

export function TopBar() {
  const t = useT();
  return (
    <header className="top-bar">
      <a className="skip-link" href="#graph-panel">
        {t('app.skipToGraph')}
      </a>
      <div className="brand" title={t('app.tagline')}>
        <span className="brand-mark">
          <Icon name="helm" size={22} />
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ClusterClock />
      <TimeControls />
      <div className="top-bar-spacer" />
      <WorkspaceActions />
      <SettingsToggles />
    </header>
  );
}
