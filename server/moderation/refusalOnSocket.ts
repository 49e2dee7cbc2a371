import {
  ModerationErrorCode as E,
  moderationError,
  type ModerationError,
} from '../../shared/moderation/moderationErrors.js';
import type { Refusal } from '../../shared/rights/rightsTypes.js';

/** What a refusal of the rule book is called on the socket. */
const REFUSAL_CODES: Readonly<Record<Refusal, [ModerationError['code'], string]>> = {
  unseen: [E.notFound, '会议不存在 (no such meeting)'],
  forbidden: [E.forbidden, '您的角色不能执行此操作 (not for your role)'],
  closed: [E.notInProgress, '会议未在进行 (the meeting is not open)'],
  notLive: [E.notInProgress, '会议未在进行 (the meeting is not open)'],
};

/** The moderation error for a refusal of the rule book. */
export function refusalOnSocket(refusal: Refusal): ModerationError {
  const [code, message] = REFUSAL_CODES[refusal];
  return moderationError(code, message);
}
