import {
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import { HttpError } from '../http/HttpError.js';

// The states an item must be in for a change; who may make it is shared/rights' question.

export function assertNotVerified(item: { verified_at: number | null; status: string }): void {
  if (item.verified_at !== null) {
    throw new HttpError(409, 'already_verified', '该整改事项已销号 (already verified)');
  }
}

export function assertCompleted(item: { verified_at: number | null; status: string }): void {
  if (!VERIFIABLE_STATUSES.includes(item.status as RectificationStatus)) {
    throw new HttpError(
      409,
      'not_completed',
      '只有“已完成”或“长期坚持”的整改事项可以销号或退回 (not done)',
    );
  }
}
