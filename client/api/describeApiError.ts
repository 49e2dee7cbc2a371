import { isErrorKey } from '../../shared/errors/errorMessages.js';
import type { ErrorBody } from '../../shared/errors/errorBody.js';
import type { I18n } from '../i18n/i18nContext.js';
import { ApiError, networkErrorCode } from './ApiError.js';

/** What to tell a person about a failed call, in the UI's language. */
export function describeApiError(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError && error.fromServer) return describeRefusal(error, t);
  if (error instanceof ApiError && error.code !== networkErrorCode) {
    return t('error.badResponse', { status: error.status });
  }
  return t('error.network');
}

/**
 * A refusal (an API error or a socket ack) in the UI's language, from the shared catalog: by its
 * precise key, else by its code. The server's own message is never shown: it is English.
 */
export function describeRefusal(
  refusal: Pick<ErrorBody, 'code' | 'key' | 'params'>,
  t: I18n['t'],
): string {
  const key = isErrorKey(refusal.key)
    ? refusal.key
    : isErrorKey(refusal.code)
      ? refusal.code
      : null;
  if (key === null) return t('error.unknownRefusal', { code: refusal.code });
  return t(`apiError.${key}`, refusal.params);
}
