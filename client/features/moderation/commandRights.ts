import type { MeetingDetailView, MeetingRole } from '../../../shared/meetings/meetingSchemas.js';
import type { ModerationCommandType } from '../../../shared/moderation/moderationSchemas.js';
import { decide } from '../../../shared/rights/can.js';
import { commandAction } from '../../../shared/rights/meetingAbilities.js';

/**
 * Whether the caller, with `roles` as the live roster has them, may send the command, by the
 * rule book the server asks too; only to choose which buttons to show.
 */
export function mayCommand(
  meeting: MeetingDetailView,
  roles: readonly MeetingRole[],
  type: ModerationCommandType,
): boolean {
  return decide({ ...meeting.me, roles }, commandAction(type), { meeting }).ok;
}

/** Whether the caller runs the meeting's moderation, now or once it opens (the moderator panel). */
export function mayModerate(meeting: MeetingDetailView): boolean {
  const decision = decide(meeting.me, 'moderation.run', { meeting });
  return decision.ok || decision.refusal === 'notLive';
}
