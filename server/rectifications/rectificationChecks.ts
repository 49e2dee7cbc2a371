import {
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import { DomainError } from '../../shared/errors/DomainError.js';

// The states an item must be in for a change; who may make it is shared/rights' question.

export function assertNotVerified(item: {
  verifiedAt: number | null;
  status: RectificationStatus;
}): void {
  if (item.verifiedAt !== null) throw new DomainError('already_verified');
}

export function assertCompleted(item: {
  verifiedAt: number | null;
  status: RectificationStatus;
}): void {
  if (!VERIFIABLE_STATUSES.includes(item.status)) {
    throw new DomainError('not_completed');
  }
}
