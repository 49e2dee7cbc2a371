import type { MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import type { Hand, PlannedSpeech } from '../../../shared/moderation/meetingState.js';
import type { I18n } from '../../i18n/i18nContext.js';

/**
 * What a speech is, as the minutes name it: 作个人对照检查, 对 李四 的批评意见 … The Chinese
 * catalog repeats shared/moderation/speechHeadings.ts, whose words the server writes.
 */
export function describeSpeech(
  t: I18n['t'],
  meetingKind: MeetingKind,
  { kind, subjectId }: Pick<PlannedSpeech, 'kind' | 'subjectId'>,
  name: (userId: number) => string,
): string {
  if (kind === 'presentation') return t(`speech.presentation.${meetingKind}`);
  if (kind === 'criticism' && subjectId !== null) {
    return t('speech.criticismOf', { subject: name(subjectId) });
  }
  return t(`speech.${kind}`);
}

/** What a raised hand asks for: 批评 李四, or 申请发言; `subjectNow` stands in for no subject. */
export function describeHand(
  t: I18n['t'],
  { purpose, subjectId }: Pick<Hand, 'purpose' | 'subjectId'>,
  subjectNow: number | null,
  name: (userId: number) => string,
): string {
  if (purpose === 'speak') return t('hand.speak');
  const subject = subjectId ?? subjectNow;
  return subject === null ? t('hand.criticism') : t('hand.criticismOf', { name: name(subject) });
}
