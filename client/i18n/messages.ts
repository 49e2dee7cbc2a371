import { en } from './en.js';
import { zhCN } from './zhCN.js';

/** The UI strings, one catalog per locale (zhCN.ts, en.ts); Simplified Chinese is the source. */
export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** Each locale's name in its own language, for the switcher. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale`, with `{param}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
