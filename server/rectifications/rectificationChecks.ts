import {
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import { DomainError } from '../../shared/errors/DomainError.js';

// The states an item must be in for a change; who may make it is shared/rights' question.

export function assertNotVerified(item: { verified_at: number | null; status: string }): void {
  if (item.verified_at !== null) throw new DomainError('already_verified');
}

export function assertCompleted(item: { verified_at: number | null; status: string }): void {
  if (!VERIFIABLE_STATUSES.includes(item.status as RectificationStatus)) {
    throw new DomainError('not_completed');
  }
}
