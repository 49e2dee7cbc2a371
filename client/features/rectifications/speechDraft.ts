import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { CurrentSpeech, MeetingState } from '../../../shared/moderation/meetingState.js';
import type { RectificationSource } from '../../../shared/rectifications/rectificationCodes.js';
import { emptyDraft, type RectificationDraft } from './rectificationDraft.js';

/** Where a problem raised in a speech of this kind came from (问题来源). */
function sourceOf(speech: CurrentSpeech): RectificationSource {
  if (speech.kind === 'criticism') return 'mutual-criticism';
  if (speech.kind === 'comment') return 'supervisor';
  return 'self-check';
}

/**
 * An item as the host starts it during `speech`: owned by whoever the problem is about (the
 * speaker in a self-criticism, the criticised in a criticism), from the speech's source, in
 * the current phase's aspect when its title names one of the meeting's aspects.
 */
export function speechDraft(
  meeting: MeetingDetailView,
  state: MeetingState,
  speech: CurrentSpeech,
): RectificationDraft {
  const phase = state.phases.find((p) => p.id === speech.phaseId);
  const aspect = phase ? meeting.aspects.find((a) => phase.title.includes(a)) : undefined;
  const about = speech.kind === 'criticism' ? speech.subjectId : null;
  return {
    ...emptyDraft,
    source: sourceOf(speech),
    aspect: aspect ?? '',
    ownerUserId: about ?? speech.speakerId,
  };
}
