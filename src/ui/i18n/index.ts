/**
 * Internationalisation: English and 简体中文. Every UI string goes through `t(key, vars)`; kubectl output and YAML
 * are never translated. Features keep their own strings next to their code with `defineMessages`.
 */
import { useUiStore, type Language } from '../store/ui-store';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';
export type { Language } from '../store/ui-store';

/** Values substituted for `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** The languages the UI offers, with the name each is shown under. */
export const LANGUAGES: readonly { code: Language; label: string; htmlLang: string }[] = [
  { code: 'en', label: 'English', htmlLang: 'en' },
  { code: 'zh', label: '简体中文', htmlLang: 'zh-CN' },
];

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Builds a translator for a catalog pair: the key's text in `lang`, falling back to English. */
function translator<K extends string>(catalogs: { en: Record<K, string>; zh: Record<K, string> }) {
  return (lang: Language, key: K, vars?: MessageVars): string => format(catalogs[lang][key] ?? catalogs.en[key] ?? key, vars);
}

const translateApp = translator<MessageKey>({ en, zh });

/** The app catalog's text for `key` in `lang`. */
export function translate(lang: Language, key: MessageKey, vars?: MessageVars): string {
  return translateApp(lang, key, vars);
}

/** A translate function bound to a language (for code outside React). */
export type TFunction<K extends string = MessageKey> = (key: K, vars?: MessageVars) => string;

/** `t` for the current language, outside React (reads the UI store once). */
export function t(key: MessageKey, vars?: MessageVars): string {
  return translateApp(useUiStore.getState().language, key, vars);
}

/** The `t` function of the current language; components re-render when the language changes. */
export function useT(): TFunction {
  const lang = useUiStore((s) => s.language);
  return (key, vars) => translateApp(lang, key, vars);
}

/**
 * Declares a feature's own strings (English and Chinese with the same keys) and returns a hook giving its `t`.
 * Example: `const useEditorT = defineMessages({ en: { apply: 'Apply' }, zh: { apply: '应用' } })`.
 */
export function defineMessages<K extends string>(catalogs: { en: Record<K, string>; zh: Record<K, string> }): () => TFunction<K> {
  const tr = translator(catalogs);
  return function useMessages(): TFunction<K> {
    const lang = useUiStore((s) => s.language);
    return (key, vars) => tr(lang, key, vars);
  };
}

/** The language to start with when none was chosen: Chinese if the browser prefers it, else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The BCP 47 tag for `<html lang>`. */
export function htmlLang(lang: Language): string {
  return LANGUAGES.find((l) => l.code === lang)?.htmlLang ?? 'en';
}
