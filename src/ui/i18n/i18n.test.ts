import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { detectLanguage, format, translate } from './index';

describe('i18n', () => {
  it('has a Chinese text for every English key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zh[key], key).toBeTruthy();
      expect(names(zh[key]), key).toEqual(names(en[key]));
    }
  });

  it('substitutes placeholders and keeps unknown ones visible', () => {
    expect(format('Advance the clock by {step}', { step: '10s' })).toBe('Advance the clock by 10s');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('zh', 'time.step', { step: '+10s' })).toBe('时钟前进 +10s');
  });

  it('follows the browser language', () => {
    expect(detectLanguage(['zh-CN', 'en-US'])).toBe('zh');
    expect(detectLanguage(['en-GB', 'zh'])).toBe('en');
    expect(detectLanguage(['fr-FR'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
