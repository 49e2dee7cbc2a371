import { errorCodeOf, errorMessage, type ErrorCode, type ErrorKey } from './errorMessages.js';
import type { ErrorParams } from './errorText.js';

/**
 * A refusal by the domain: a catalog key and the values its message needs. Services throw it
 * without choosing a transport's status; HTTP, socket acks and sync closes translate it each in
 * one place. The Error's own message is the English text, for logs.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly key: ErrorKey,
    readonly params: ErrorParams = {},
  ) {
    super(errorMessage(key, 'en', params));
  }

  get code(): ErrorCode {
    return errorCodeOf(this.key);
  }
}
