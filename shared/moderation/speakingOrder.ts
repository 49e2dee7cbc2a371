import type { MeetingState, Phase, PlannedSpeech, RosterEntry } from './meetingState.js';
import type { SpeechKind } from './moderationSchemas.js';

type Planned = Omit<PlannedSpeech, 'id'>;

const has = (entry: RosterEntry, role: RosterEntry['roles'][number]): boolean =>
  entry.roles.includes(role);

/** Absentees and those on leave drop out of every order. */
export function isAway(state: MeetingState, userId: number): boolean {
  const status = state.attendance[userId]?.status;
  return status === 'absent' || status === 'leave';
}

/**
 * The participants in speaking order: the secretary first, then the host's order, then the
 * rest as listed; absentees left out.
 */
export function orderedParticipants(state: MeetingState): number[] {
  const participants = state.roster.filter((r) => has(r, 'participant'));
  const ids = new Set(participants.map((r) => r.userId));
  const secretary = participants.filter((r) => r.isSecretary).map((r) => r.userId);
  const ordered = [
    ...secretary,
    ...state.speakerOrder.filter((id) => ids.has(id)),
    ...participants.map((r) => r.userId),
  ];
  return [...new Set(ordered)].filter((id) => !isAway(state, id));
}

function firstHost(state: MeetingState): number | null {
  return state.roster.find((r) => has(r, 'host') && !isAway(state, r.userId))?.userId ?? null;
}

const speech = (speakerId: number | null, kind: SpeechKind): Planned[] =>
  speakerId === null ? [] : [{ speakerId, kind, subjectId: null }];

/** The speeches a phase calls for, from who is in the meeting and present. */
export function plannedSpeeches(state: MeetingState, phase: Phase): Planned[] {
  switch (phase.kind) {
    case 'opening':
      return speech(firstHost(state), 'opening');
    case 'report':
      return speech(firstHost(state), 'report');
    case 'collective': {
      const secretary = state.roster.find((r) => r.isSecretary && !isAway(state, r.userId));
      return speech(secretary?.userId ?? firstHost(state), 'presentation');
    }
    case 'criticism-round': {
      // For each subject: their self-criticism, a criticism by each other participant, their response.
      const order = orderedParticipants(state);
      return order.flatMap((subject): Planned[] => [
        { speakerId: subject, kind: 'self-criticism', subjectId: null },
        ...order
          .filter((critic) => critic !== subject)
          .map((critic): Planned => ({ speakerId: critic, kind: 'criticism', subjectId: subject })),
        { speakerId: subject, kind: 'response', subjectId: null },
      ]);
    }
    case 'appraisal': {
      // Every member appraises themself, then each appraises the others in the same order.
      const order = orderedParticipants(state);
      return [
        ...order.map((id): Planned => ({ speakerId: id, kind: 'self-appraisal', subjectId: null })),
        ...order.map((id): Planned => ({
          speakerId: id,
          kind: 'mutual-appraisal',
          subjectId: null,
        })),
      ];
    }
    case 'supervisor-comments':
      return state.roster
        .filter((r) => has(r, 'supervisor') && !isAway(state, r.userId))
        .map((r) => ({ speakerId: r.userId, kind: 'comment', subjectId: null }));
    case 'summary':
      return speech(firstHost(state), 'summary');
    case 'other':
      return [];
  }
}

/** The phase's order as generated now, less the speeches of it already given. */
export function remainingSpeeches(state: MeetingState, phase: Phase): Planned[] {
  const given = state.log.filter((r) => r.phaseId === phase.id);
  const same = (a: Planned, b: Planned): boolean =>
    a.speakerId === b.speakerId && a.kind === b.kind && a.subjectId === b.subjectId;
  const unmatched = [...given];
  return plannedSpeeches(state, phase).filter((p) => {
    const i = unmatched.findIndex((g) => same(g, p));
    if (i === -1) return true;
    unmatched.splice(i, 1);
    return false;
  });
}
