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

/** "a、b 或 c" / "a, b or c": a list of alternatives in both languages. */
export function orList(items: readonly string[]): Msg {
  const join = (sep: string, or: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(sep)}${or}${items[items.length - 1]}`);
  return { zh: join('、', ' 或 '), en: join(', ', ' or ') };
}
