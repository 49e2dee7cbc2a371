import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import type { MessageKey, MessageParams } from '../../i18n/messages.js';
import { formatLocalTime } from './formatTime.js';

export interface UserStatus {
  key: MessageKey;
  params?: MessageParams;
  /** For styling: normal, or something that keeps the user out. */
  tone: 'ok' | 'blocked' | 'pending';
}

/** Everything that holds for the account now; "active" only when nothing else does. */
export function userStatuses(user: AdminUserView, now: number): UserStatus[] {
  const statuses: UserStatus[] = [];
  if (user.disabled) statuses.push({ key: 'users.status.disabled', tone: 'blocked' });
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    statuses.push({
      key: 'users.status.locked',
      params: { time: formatLocalTime(user.lockedUntil) },
      tone: 'blocked',
    });
  }
  if (user.mustChangePassword) statuses.push({ key: 'users.status.mustChange', tone: 'pending' });
  return statuses.length > 0 ? statuses : [{ key: 'users.status.active', tone: 'ok' }];
}
