import { ApiError } from '../../api/ApiError.js';
import { describeApiError } from '../../api/describeApiError.js';
import type { I18n } from '../../i18n/i18nContext.js';

/** What to tell the voter or the host when an appraisal request failed. */
export function describeAppraisalError(error: unknown, t: I18n['t']): string {
  // A refusal says what happened in its own words; a failure of the call is prefixed.
  if (error instanceof ApiError && error.fromServer) return describeApiError(error, t);
  return t('appraisal.refused', { message: describeApiError(error, t) });
}
