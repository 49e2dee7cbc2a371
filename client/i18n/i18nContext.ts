import { createContext, useContext } from 'react';
import type { Locale, MessageKey, MessageParams } from './messages.js';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  // A missing provider is a wiring mistake; fail loudly instead of rendering blank strings.
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
