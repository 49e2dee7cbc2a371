import type {
  CurrentSpeech,
  MeetingState,
  Phase,
  PlannedSpeech,
  RosterEntry,
} from './meetingState.js';
import { speechElapsedMs } from './meetingState.js';
import { DomainError } from '../errors/DomainError.js';
import type { ErrorKey } from '../errors/errorMessages.js';
import type { ErrorParams } from '../errors/errorText.js';
import type { CommandContext, ModerationCommand } from './moderationSchemas.js';
import { phasesFrom } from './phaseInputs.js';
import { isAway, remainingSpeeches } from './speakingOrder.js';

/** Sent by the server itself when the meeting's people change; never accepted from clients. */
export interface SetRosterCommand {
  type: 'setRoster';
  roster: RosterEntry[];
}

export type AppliedCommand = ModerationCommand | SetRosterCommand;

export type ReduceResult = { ok: true; state: MeetingState } | { ok: false; error: DomainError };

const fail = (key: ErrorKey, params?: ErrorParams): ReduceResult => ({
  ok: false,
  error: new DomainError(key, params),
});

/**
 * The meeting's moderation state after `command`, or why the command does not apply. Pure: the
 * server and the tests run the same function, and replaying the event log rebuilds the state.
 */
export function reduceMeeting(
  state: MeetingState,
  command: AppliedCommand,
  ctx: CommandContext,
): ReduceResult {
  const result = apply(state, command, ctx);
  return result.ok ? { ok: true, state: { ...result.state, version: state.version + 1 } } : result;
}

function apply(s: MeetingState, c: AppliedCommand, { by, at }: CommandContext): ReduceResult {
  const ok = (state: MeetingState): ReduceResult => ({ ok: true, state });
  switch (c.type) {
    case 'setRoster':
      return ok(withRoster(s, c.roster));

    case 'setPhases': {
      const { phases, nextId } = phasesFrom(s.phases, c.phases, s.nextId);
      const ids = phases.map((p) => p.id);
      if (new Set(ids).size !== ids.length) return fail('invalid_command.duplicate_phase');
      if (s.currentPhaseId !== null && !ids.includes(s.currentPhaseId)) {
        return fail('phase_in_use');
      }
      const queues = Object.fromEntries(
        Object.entries(s.queues).filter(([id]) => ids.includes(id)),
      );
      return ok({ ...s, phases, queues, nextId });
    }

    case 'startPhase': {
      const phase = s.phases.find((p) => p.id === c.phaseId);
      if (!phase) return fail('unknown_phase');
      if (s.current) return fail('speech_in_progress');
      const started = { ...s, currentPhaseId: phase.id };
      return ok(s.queues[phase.id] ? started : withQueue(started, phase));
    }

    case 'setSpeakerOrder': {
      const participants = new Set(
        s.roster.filter((r) => r.roles.includes('participant')).map((r) => r.userId),
      );
      const unknown = c.userIds.filter((id) => !participants.has(id));
      if (unknown.length > 0) return fail('unknown_user', { ids: unknown.join(', ') });
      return ok({ ...s, speakerOrder: [...new Set(c.userIds)] });
    }

    case 'regenerateOrder': {
      const phase = s.phases.find((p) => p.id === c.phaseId);
      return phase ? ok(withQueue(s, phase)) : fail('unknown_phase');
    }

    case 'insertSpeech': {
      if (!s.phases.some((p) => p.id === c.phaseId)) return fail('unknown_phase');
      const unknown = [c.speech.speakerId, c.speech.subjectId].filter(
        (id): id is number => id !== null && !inRoster(s, id),
      );
      if (unknown.length > 0)
        return fail('unknown_user.not_in_meeting', { ids: unknown.join(', ') });
      const [state, id] = nextSpeechId(s);
      const queue = [...(s.queues[c.phaseId] ?? [])];
      queue.splice(Math.min(c.index, queue.length), 0, { ...c.speech, id });
      return ok(withQueues(state, c.phaseId, queue));
    }

    case 'moveSpeech': {
      const queue = [...(s.queues[c.phaseId] ?? [])];
      const from = queue.findIndex((p) => p.id === c.speechId);
      if (from === -1) return fail('unknown_speech');
      const [moved] = queue.splice(from, 1);
      queue.splice(Math.min(c.toIndex, queue.length), 0, moved!);
      return ok(withQueues(s, c.phaseId, queue));
    }

    case 'removeSpeech': {
      const queue = s.queues[c.phaseId] ?? [];
      if (!queue.some((p) => p.id === c.speechId)) return fail('unknown_speech');
      return ok(
        withQueues(
          s,
          c.phaseId,
          queue.filter((p) => p.id !== c.speechId),
        ),
      );
    }

    case 'repeatSpeech': {
      if (s.currentPhaseId === null) return fail('no_phase');
      const given = s.log.find((r) => r.id === c.speechId);
      if (!given) return fail('unknown_speech.given');
      const [state, id] = nextSpeechId(s);
      const again: PlannedSpeech = {
        id,
        speakerId: given.speakerId,
        kind: given.kind,
        subjectId: given.subjectId,
      };
      return ok(
        withQueues(state, s.currentPhaseId, [again, ...(s.queues[s.currentPhaseId] ?? [])]),
      );
    }

    case 'startSpeech': {
      if (s.currentPhaseId === null) return fail('no_phase');
      if (s.current) return fail('speech_in_progress');
      const phaseId = s.currentPhaseId;
      const queue = s.queues[phaseId] ?? [];
      const planned = c.speechId === undefined ? queue[0] : queue.find((p) => p.id === c.speechId);
      if (!planned) {
        return c.speechId === undefined ? fail('empty_order') : fail('unknown_speech');
      }
      const current: CurrentSpeech = {
        ...planned,
        phaseId,
        startedAt: at,
        limitSeconds: s.limits[planned.kind],
        pausedAt: null,
        pausedMs: 0,
      };
      return ok({
        ...withQueues(
          s,
          phaseId,
          queue.filter((p) => p !== planned),
        ),
        current,
      });
    }

    case 'endSpeech': {
      if (!s.current) return fail('no_speech');
      const { pausedAt: _p, pausedMs: _m, ...speech } = s.current;
      const durationMs = speechElapsedMs(s.current, at);
      const record = {
        ...speech,
        endedAt: at,
        durationMs,
        overtimeMs: Math.max(0, durationMs - s.current.limitSeconds * 1000),
      };
      return ok({ ...s, current: null, log: [...s.log, record] });
    }

    case 'pauseSpeech':
      if (!s.current) return fail('no_speech');
      if (s.current.pausedAt !== null) return fail('already_paused');
      return ok({ ...s, current: { ...s.current, pausedAt: at } });

    case 'resumeSpeech':
      if (!s.current) return fail('no_speech');
      if (s.current.pausedAt === null) return fail('not_paused');
      return ok({
        ...s,
        current: {
          ...s.current,
          pausedAt: null,
          pausedMs: s.current.pausedMs + (at - s.current.pausedAt),
        },
      });

    case 'setLimit':
      return ok({ ...s, limits: { ...s.limits, [c.kind]: c.seconds } });

    case 'extendSpeech':
      if (!s.current) return fail('no_speech');
      return ok({
        ...s,
        current: { ...s.current, limitSeconds: Math.max(10, s.current.limitSeconds + c.seconds) },
      });

    case 'raiseHand': {
      if (!inRoster(s, by)) return fail('unknown_user.not_in_meeting');
      if (c.subjectId !== null && !inRoster(s, c.subjectId)) return fail('unknown_user.subject');
      const hand = { userId: by, purpose: c.purpose, subjectId: c.subjectId, raisedAt: at };
      return ok({ ...s, hands: [...s.hands.filter((h) => h.userId !== by), hand] });
    }

    case 'lowerHand':
      if (!s.hands.some((h) => h.userId === by)) return fail('no_hand');
      return ok({ ...s, hands: s.hands.filter((h) => h.userId !== by) });

    case 'acceptHand': {
      const hand = s.hands.find((h) => h.userId === c.userId);
      if (!hand) return fail('no_hand.of_person');
      if (s.currentPhaseId === null) return fail('no_phase');
      const subjectId =
        hand.purpose === 'criticism' ? (hand.subjectId ?? s.current?.subjectId ?? null) : null;
      const [state, id] = nextSpeechId(s);
      const speech: PlannedSpeech = {
        id,
        speakerId: hand.userId,
        kind: hand.purpose === 'criticism' ? 'criticism' : 'free',
        subjectId,
      };
      const queue = [...(s.queues[s.currentPhaseId] ?? [])];
      // An added criticism goes before its subject's response, if that is still to come.
      const response = queue.findIndex((p) => p.kind === 'response' && p.speakerId === subjectId);
      queue.splice(response === -1 ? 0 : response, 0, speech);
      return ok({
        ...withQueues(state, s.currentPhaseId, queue),
        hands: s.hands.filter((h) => h !== hand),
      });
    }

    case 'dismissHand':
      if (!s.hands.some((h) => h.userId === c.userId)) return fail('no_hand.of_person');
      return ok({ ...s, hands: s.hands.filter((h) => h.userId !== c.userId) });

    case 'signIn':
      if (!inRoster(s, by)) return fail('unknown_user.not_in_meeting');
      return ok(withAttendance(s, by, { status: 'present', reason: '', signedInAt: at }));

    case 'setAttendance': {
      if (!inRoster(s, c.userId)) return fail('unknown_user.not_in_meeting');
      const signedInAt = s.attendance[c.userId]?.signedInAt ?? null;
      return ok(withAttendance(s, c.userId, { status: c.status, reason: c.reason, signedInAt }));
    }
  }
}

function inRoster(s: MeetingState, userId: number): boolean {
  return s.roster.some((r) => r.userId === userId);
}

function nextSpeechId(s: MeetingState): [MeetingState, string] {
  return [{ ...s, nextId: s.nextId + 1 }, `s${s.nextId}`];
}

function withQueues(s: MeetingState, phaseId: string, queue: PlannedSpeech[]): MeetingState {
  return { ...s, queues: { ...s.queues, [phaseId]: queue } };
}

/** The phase's order generated afresh, less what was already said in it. */
function withQueue(s: MeetingState, phase: Phase): MeetingState {
  let state = s;
  const queue = remainingSpeeches(s, phase).map((p) => {
    const [next, id] = nextSpeechId(state);
    state = next;
    return { ...p, id };
  });
  return withQueues(state, phase.id, queue);
}

/** Sets someone's attendance; those away drop out of every order and lower their hand. */
function withAttendance(
  s: MeetingState,
  userId: number,
  entry: MeetingState['attendance'][string],
): MeetingState {
  const state = { ...s, attendance: { ...s.attendance, [userId]: entry } };
  return isAway(state, userId) ? without(state, (id) => id === userId) : state;
}

/** The roster replaced; people who left drop out of orders, hands and attendance. */
function withRoster(s: MeetingState, roster: RosterEntry[]): MeetingState {
  const ids = new Set(roster.map((r) => r.userId));
  const attendance = Object.fromEntries(
    Object.entries(s.attendance).filter(([id]) => ids.has(Number(id))),
  );
  return without(
    { ...s, roster, attendance, speakerOrder: s.speakerOrder.filter((id) => ids.has(id)) },
    (id) => !ids.has(id),
  );
}

/** Drops the planned speeches and hands of (and about) the people `gone` matches. */
function without(s: MeetingState, gone: (userId: number) => boolean): MeetingState {
  const keep = (p: PlannedSpeech): boolean =>
    !gone(p.speakerId) && (p.subjectId === null || !gone(p.subjectId));
  const queues = Object.fromEntries(
    Object.entries(s.queues).map(([id, q]) => [id, q.filter(keep)]),
  );
  return { ...s, queues, hands: s.hands.filter((h) => !gone(h.userId)) };
}
