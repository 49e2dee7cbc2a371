import type { MeetingKind } from '../meetings/meetingSchemas.js';
import type { SpeechKind } from './moderationSchemas.js';

/** What a speech is, as the minutes name it after the speaker (张三 + 表态发言). */
export function speechLabel(
  kind: SpeechKind,
  meetingKind: MeetingKind,
  subject: string | null,
): string {
  switch (kind) {
    case 'opening':
      return '主持人开场';
    case 'report':
      return '通报情况';
    case 'presentation':
      return meetingKind === 'democratic-life' ? '作班子对照检查' : '作支部对照检查';
    case 'self-criticism':
      return '作个人对照检查';
    case 'criticism':
      return subject ? `对 ${subject} 的批评意见` : '批评意见';
    case 'response':
      return '表态发言';
    case 'self-appraisal':
      return '作自我评价';
    case 'mutual-appraisal':
      return '相互评议';
    case 'comment':
      return '点评';
    case 'summary':
      return '主持人总结';
    case 'free':
      return '发言';
  }
}

/** The heading the server writes into the minutes when a speech starts: `14:05 张三 对 李四 的批评意见`. */
export function minutesHeading(time: string, speaker: string, label: string): string {
  return `${time} ${speaker} ${label}`;
}

/** The heading written into `critique/<subject>` when a criticism of them starts: `张三（14:05）`. */
export function critiqueHeading(time: string, critic: string): string {
  return `${critic}（${time}）`;
}
