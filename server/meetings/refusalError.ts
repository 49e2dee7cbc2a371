import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { Refusal } from '../../shared/rights/rightsTypes.js';

const DEFAULTS: Readonly<Record<Refusal, ErrorKey>> = {
  unseen: 'not_found.meeting',
  forbidden: 'forbidden.meeting_role',
  closed: 'meeting_closed',
  notLive: 'not_in_progress',
};

/** The rule book's refusal as a domain error; `key` says it more precisely. */
export function refusalError(refusal: Refusal, key?: ErrorKey): DomainError {
  return new DomainError(key ?? DEFAULTS[refusal]);
}
