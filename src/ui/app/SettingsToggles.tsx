/** Language (中文/EN) and theme switches. */
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useUiStore } from '../store/ui-store';

export function SettingsToggles() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const theme = useUiStore((s) => s.theme);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const setTheme = useUiStore((s) => s.setTheme);
  const other = language === 'en' ? 'zh' : 'en';
  return (
    <div className="settings-toggles">
      <button
        type="button"
        className="text-button language-button"
        onClick={() => setLanguage(other)}
        title={t('settings.switchLanguageTitle')}
        lang={other === 'zh' ? 'zh-CN' : 'en'}
        data-testid="language-toggle"
      >
        <Icon name="language" size={16} />
        <span>{t('settings.switchLanguage')}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label={theme === 'dark' ? t('settings.themeToLight') : t('settings.themeToDark')}
        title={theme === 'dark' ? t('settings.themeToLight') : t('settings.themeToDark')}
        data-testid="theme-toggle"
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} size={18} />
      </button>
    </div>
  );
}
