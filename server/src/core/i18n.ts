/** A message in both languages the tool speaks. Chinese is the primary language. */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

/** Picks the language from a locale tag such as `zh-cn`, `zh-TW`, `en-US`; Chinese unless it is clearly not. */
export function localeFrom(tag: string | undefined | null): Locale {
  if (!tag) return 'zh';
  return /^zh/i.test(tag) ? 'zh' : 'en';
}

export function localize(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}
