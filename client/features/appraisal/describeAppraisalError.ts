import { ApiError } from '../../api/ApiError.js';
import { describeApiError } from '../../api/describeApiError.js';
import type { I18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';

/** The refusals a person can act on, in their language; others show the server's message. */
const explained: Readonly<Record<string, MessageKey>> = {
  already_voted: 'appraisal.error.already_voted',
  not_a_voter: 'appraisal.error.not_a_voter',
  appraisal_not_open: 'appraisal.error.appraisal_not_open',
  appraisal_open: 'appraisal.error.appraisal_open',
  not_in_progress: 'appraisal.error.not_in_progress',
  not_organizational: 'appraisal.error.not_organizational',
};

/** What to tell the voter or the host when the server refused an appraisal request. */
export function describeAppraisalError(error: unknown, t: I18n['t']): string {
  const key = error instanceof ApiError && error.fromServer ? explained[error.code] : undefined;
  return key ? t(key) : t('appraisal.refused', { message: describeApiError(error, t) });
}
