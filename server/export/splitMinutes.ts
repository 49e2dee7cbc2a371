import type { JSONContent } from '@tiptap/core';
import type { MeetingKind } from '../../shared/meetings/meetingSchemas.js';
import type { SpeechRecord } from '../../shared/moderation/meetingState.js';
import { minutesHeading, speechLabel } from '../../shared/moderation/speechHeadings.js';

export interface SplitMinutes {
  /** What the recorder wrote before the first speech's heading. */
  preamble: JSONContent[];
  /** By the speech's index in the log: what is written under its heading, up to the next one. */
  speeches: JSONContent[][];
}

export interface SpeechNames {
  kind: MeetingKind;
  nameOf(userId: number): string;
}

/** A heading's text without the `14:05 ` the server starts it with. */
const withoutTime = (text: string): string => text.trim().replace(/^\d{1,2}:\d{2}\s+/, '');

function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join('');
}

/**
 * Splits the minutes at the headings the server wrote when each speech started
 * (SpeechHeadingWriter: `14:05 张三 对 李四 的批评意见`). Headings are matched without their
 * time, which depends on the time zone the server ran in, and each speech takes the first
 * unclaimed heading naming it, so a speech given twice gets its two headings in order. Any
 * other heading (the recorder's own) stays in the text of the speech it is under.
 */
export function splitMinutes(
  minutes: JSONContent | null,
  log: readonly Pick<SpeechRecord, 'speakerId' | 'kind' | 'subjectId'>[],
  names: SpeechNames,
): SplitMinutes {
  const expected = log.map((s) => {
    const subject = s.subjectId === null ? null : names.nameOf(s.subjectId);
    return withoutTime(
      minutesHeading('', names.nameOf(s.speakerId), speechLabel(s.kind, names.kind, subject)),
    );
  });
  const claimed = new Set<number>();
  const preamble: JSONContent[] = [];
  const speeches: JSONContent[][] = log.map(() => []);
  let into = preamble;
  for (const node of minutes?.content ?? []) {
    if (node.type === 'heading') {
      const text = withoutTime(plainText(node));
      const index = expected.findIndex((e, i) => !claimed.has(i) && e === text);
      if (index !== -1) {
        claimed.add(index);
        into = speeches[index]!;
        continue;
      }
    }
    into.push(node);
  }
  return { preamble, speeches };
}
