import { useMemo } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { Hand, PlannedSpeech } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { describeHand, describeSpeech } from './speechDescription.js';

export interface SpeechText {
  /** A person's display name from the meeting's participants. */
  name(userId: number): string;
  /** What a speech is, as the minutes name it: 作个人对照检查, 对 李四 的批评意见 … */
  label(speech: Pick<PlannedSpeech, 'kind' | 'subjectId'>): string;
  /** What a raised hand asks for: 批评 李四, or 申请发言; `subjectNow` stands in for no subject. */
  hand(hand: Hand, subjectNow: number | null): string;
}

/** Names and speech labels in the page's language. */
export function useSpeechText(meeting: MeetingDetailView): SpeechText {
  const { t } = useI18n();
  const { participants, kind } = meeting;
  return useMemo(() => {
    const names = new Map(participants.map((p) => [p.userId, p.displayName]));
    // Someone added since the meeting was loaded: the page reloads it, the number shows meanwhile.
    const name = (userId: number) =>
      names.get(userId) ?? t('moderation.unknownPerson', { id: userId });
    return {
      name,
      label: (speech) => describeSpeech(t, kind, speech, name),
      hand: (hand, subjectNow) => describeHand(t, hand, subjectNow, name),
    };
  }, [participants, kind, t]);
}
