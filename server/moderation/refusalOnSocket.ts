import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { Refusal } from '../../shared/rights/rightsTypes.js';

/** What a refusal of the rule book is called on the socket. */
const REFUSAL_KEYS: Readonly<Record<Refusal, ErrorKey>> = {
  unseen: 'not_found.meeting',
  forbidden: 'forbidden.role',
  closed: 'not_in_progress',
  notLive: 'not_in_progress',
};

/** The domain error for a refusal of the rule book on the live channel. */
export function refusalOnSocket(refusal: Refusal): DomainError {
  return new DomainError(REFUSAL_KEYS[refusal]);
}
