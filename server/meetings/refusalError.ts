import { DomainError } from '../../shared/errors/DomainError.js';
import { errorCodeOf, type ErrorKey } from '../../shared/errors/errorMessages.js';
import type { Refusal } from '../../shared/rights/rightsTypes.js';

const DEFAULTS: Readonly<Record<Refusal, ErrorKey>> = {
  unseen: 'not_found.meeting',
  forbidden: 'forbidden.meeting_role',
  closed: 'meeting_closed',
  notLive: 'not_in_progress',
};

/**
 * The rule book's refusal as a domain error; `key` says it more precisely when it is a variant
 * of the refusal's own code (a host-only message never turns an unseen meeting into a 403).
 */
export function refusalError(refusal: Refusal, key?: ErrorKey): DomainError {
  const fallback = DEFAULTS[refusal];
  return new DomainError(key && errorCodeOf(key) === errorCodeOf(fallback) ? key : fallback);
}
