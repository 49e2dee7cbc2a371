import type { ModerationCommandType } from '../moderation/moderationSchemas.js';
import { can } from './can.js';
import type { Action } from './rightsTable.js';
import type { RightsCaller, RightsSubject } from './rightsTypes.js';

/** The meeting-wide actions whose answers travel with the meeting view, for the UI. */
export const MEETING_ABILITIES = [
  'meeting.manage',
  'meeting.edit',
  'meeting.readContent',
  'meeting.join',
  'speeches.read',
  'export.meeting',
  'import.parse',
  'moderation.run',
  'moderation.speech',
  'moderation.hand',
  'appraisal.view',
  'appraisal.manage',
  'rectification.read',
  'rectification.edit',
  'rectification.verify',
  'rectification.decideProposals',
] as const satisfies readonly Action[];

export type MeetingAbility = (typeof MEETING_ABILITIES)[number];
export type MeetingAbilities = Record<MeetingAbility, boolean>;

/** The caller's answers to every meeting-wide question, computed by `can`. */
export function meetingAbilities(
  caller: RightsCaller,
  meeting: NonNullable<RightsSubject['meeting']>,
): MeetingAbilities {
  return Object.fromEntries(
    MEETING_ABILITIES.map((action) => [action, can(caller, action, { meeting })]),
  ) as MeetingAbilities;
}

/** Hand commands act on the sender; speech commands are the recorder's too; the rest the host's. */
const COMMAND_ACTIONS: Partial<Record<ModerationCommandType, Action>> = {
  startSpeech: 'moderation.speech',
  endSpeech: 'moderation.speech',
  signIn: 'moderation.hand',
  raiseHand: 'moderation.hand',
  lowerHand: 'moderation.hand',
};

/** The rule book's action for a moderation command. */
export function commandAction(type: ModerationCommandType): Action {
  return COMMAND_ACTIONS[type] ?? 'moderation.run';
}
