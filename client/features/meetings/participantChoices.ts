import { BRANCH_ROLES } from '../../../shared/branches/branchSchemas.js';
import type {
  CandidateView,
  MeetingParticipantView,
  MeetingRole,
  ParticipantEntry,
} from '../../../shared/meetings/meetingSchemas.js';

/** How a person attends: at most one of these, or not at all. */
export type Attendance = 'participant' | 'attendee' | 'supervisor' | 'none';

export const ATTENDANCE_CHOICES: readonly Attendance[] = [
  'participant',
  'attendee',
  'supervisor',
  'none',
];

/** One person's line in the participants editor. */
export interface ParticipantChoice extends CandidateView {
  attendance: Attendance;
  host: boolean;
  recorder: boolean;
}

/** Only branch members may host, record or take part; others can attend or supervise. */
export function isBranchMember(choice: CandidateView): boolean {
  return choice.branchRole !== null;
}

export function allowedAttendance(choice: CandidateView): readonly Attendance[] {
  return isBranchMember(choice) ? ATTENDANCE_CHOICES : ['attendee', 'supervisor', 'none'];
}

/** Whether the person may hold 主持人 or 记录人 with this attendance. */
export function mayLead(choice: CandidateView, attendance: Attendance): boolean {
  return isBranchMember(choice) && attendance !== 'supervisor';
}

/**
 * The candidates with their current roles: branch members by branch rank, then everyone else;
 * by name within each.
 */
export function choicesFrom(
  candidates: readonly CandidateView[],
  participants: readonly MeetingParticipantView[],
): ParticipantChoice[] {
  const rolesOf = new Map(participants.map((p) => [p.userId, p.roles]));
  const rank = (c: CandidateView) =>
    c.branchRole === null ? BRANCH_ROLES.length : BRANCH_ROLES.indexOf(c.branchRole);
  return [...candidates]
    .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((candidate) => {
      const roles = rolesOf.get(candidate.userId) ?? [];
      const attendance =
        (['participant', 'attendee', 'supervisor'] as const).find((r) => roles.includes(r)) ??
        'none';
      return {
        ...candidate,
        attendance,
        host: roles.includes('host'),
        recorder: roles.includes('recorder'),
      };
    });
}

/** The PUT body: one entry per person and role. */
export function choicesToEntries(choices: readonly ParticipantChoice[]): ParticipantEntry[] {
  return choices.flatMap((choice) => {
    const roles: MeetingRole[] = [];
    if (choice.attendance !== 'none') roles.push(choice.attendance);
    if (choice.host) roles.push('host');
    if (choice.recorder) roles.push('recorder');
    return roles.map((role) => ({ userId: choice.userId, role }));
  });
}

/** A change to one line, keeping it valid: a supervisor cannot also host or record. */
export function withAttendance(
  choice: ParticipantChoice,
  attendance: Attendance,
): ParticipantChoice {
  const lead = mayLead(choice, attendance);
  return {
    ...choice,
    attendance,
    host: lead && choice.host,
    recorder: lead && choice.recorder,
  };
}

export function isInMeeting(choice: ParticipantChoice): boolean {
  return choice.attendance !== 'none' || choice.host || choice.recorder;
}
