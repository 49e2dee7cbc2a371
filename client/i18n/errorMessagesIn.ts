import { errorMessages, type ErrorKey } from '../../shared/errors/errorMessages.js';
import type { ErrorLanguage } from '../../shared/errors/errorText.js';

/** UI keys of the server's refusals: the shared catalog's, under `apiError.`. */
export type ErrorMessageKey = `apiError.${ErrorKey}`;

/** The shared error catalog in one language, as UI messages (zhCN.ts and en.ts spread it). */
export function errorMessagesIn(language: ErrorLanguage): Record<ErrorMessageKey, string> {
  return Object.fromEntries(
    Object.entries(errorMessages).map(([key, text]) => [`apiError.${key}`, text[language]]),
  ) as Record<ErrorMessageKey, string>;
}
