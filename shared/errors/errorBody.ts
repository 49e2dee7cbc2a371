import type { DomainError } from './DomainError.js';
import { errorMessage } from './errorMessages.js';
import type { ErrorLanguage, ErrorParams } from './errorText.js';

/**
 * A refusal as sent: `code` is stable, `message` is for people reading the API, and `key` with
 * `params` let the client show the catalog's message in the UI's language.
 */
export interface ErrorBody {
  code: string;
  message: string;
  key?: string;
  params?: ErrorParams;
}

export function errorBody(error: DomainError, language: ErrorLanguage = 'en'): ErrorBody {
  const body: ErrorBody = {
    code: error.code,
    message: errorMessage(error.key, language, error.params),
    key: error.key,
  };
  if (Object.keys(error.params).length > 0) body.params = error.params;
  return body;
}
