import type { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorCode } from '../../shared/errors/errorMessages.js';
import { CloseCode, type CloseCodeValue } from '../../shared/sync/closeCodes.js';

/** Refusals that have a close code of their own; any other closes as an internal error. */
const closeCodes: Partial<Readonly<Record<ErrorCode, CloseCodeValue>>> = {
  invalid_request: CloseCode.badDocumentName,
  unauthenticated: CloseCode.unauthenticated,
  password_change_required: CloseCode.forbidden,
  forbidden: CloseCode.forbidden,
  not_found: CloseCode.unknownDocument,
  storage_unavailable: CloseCode.storageUnavailable,
  internal: CloseCode.internalError,
};

/** The one place a refusal of the sync channel becomes a WebSocket close code. */
export function closeCodeOf(error: DomainError): CloseCodeValue {
  return closeCodes[error.code] ?? CloseCode.internalError;
}

/** A close frame's reason: the English message, within the 123 bytes a close frame allows. */
export function closeReasonOf(error: DomainError): string {
  const reason = error.message;
  return Buffer.byteLength(reason) <= 123 ? reason : error.key;
}
