import type { I18n } from '../i18n/i18nContext.js';
import { ApiError, networkErrorCode } from './ApiError.js';

/** What to tell a person about a failed call: the server's own message when it sent one. */
export function describeApiError(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError && error.fromServer) return error.message;
  if (error instanceof ApiError && error.code !== networkErrorCode) {
    return t('error.badResponse', { status: error.status });
  }
  return t('error.network');
}
