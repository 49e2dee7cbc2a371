import type {
  MeetingState,
  Phase,
  PlannedSpeech,
} from '../../../shared/moderation/meetingState.js';

/** The phase being held, if any. */
export function currentPhase(state: MeetingState): Phase | null {
  return state.phases.find((phase) => phase.id === state.currentPhaseId) ?? null;
}

/** The current phase's remaining speaking order. */
export function currentQueue(state: MeetingState): PlannedSpeech[] {
  return state.currentPhaseId === null ? [] : (state.queues[state.currentPhaseId] ?? []);
}

/**
 * Whom the round is about now: a criticism's subject, or the person giving their own
 * self-criticism or response. A raised hand to criticise is about them.
 */
export function subjectNow(state: MeetingState): number | null {
  const speech = state.current;
  if (!speech) return null;
  if (speech.subjectId !== null) return speech.subjectId;
  return speech.kind === 'self-criticism' || speech.kind === 'response' ? speech.speakerId : null;
}

/** 轮到您了 while speaking, 您是下一位 when first in the order. */
export function turnOf(state: MeetingState, userId: number): 'now' | 'next' | null {
  if (state.current?.speakerId === userId) return 'now';
  return currentQueue(state)[0]?.speakerId === userId ? 'next' : null;
}
