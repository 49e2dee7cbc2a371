import { DomainError } from '../../shared/errors/DomainError.js';
import { errorBody } from '../../shared/errors/errorBody.js';
import type { Failure } from '../../shared/moderation/meetingEvents.js';

/**
 * The one place a refusal becomes a socket.io ack: `{ ok: false, error: { code, message, key,
 * params } }`, the message in English (the client shows the catalog's in the UI's language).
 */
export function refusalAck(error: DomainError): Failure {
  return { ok: false, error: errorBody(error) };
}

/** What a handler's failure is answered with: its refusal, or that the server failed. */
export function failureAck(err: unknown): Failure {
  return refusalAck(err instanceof DomainError ? err : new DomainError('unavailable.internal'));
}
