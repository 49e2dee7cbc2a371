import type { MeetingRole } from '../meetings/meetingSchemas.js';
import type { ModerationCommandType } from './moderationSchemas.js';

/** What each role may do beyond watching; hosts may do everything. */
const ALLOWED: Partial<Record<MeetingRole, readonly ModerationCommandType[]>> = {
  recorder: ['startSpeech', 'endSpeech'],
  participant: ['signIn', 'raiseHand', 'lowerHand'],
};

/** Whether someone with these roles may send this command (hand commands act on the sender). */
export function mayIssue(roles: readonly MeetingRole[], type: ModerationCommandType): boolean {
  return roles.some((role) => role === 'host' || (ALLOWED[role]?.includes(type) ?? false));
}
