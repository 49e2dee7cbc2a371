import { OutlineLevel } from '../../shared/editor/openingStructure.js';
import { meetingDocumentName } from '../../shared/meetings/meetingDocuments.js';
import type { CurrentSpeech } from '../../shared/moderation/meetingState.js';
import {
  critiqueHeading,
  minutesHeading,
  speechLabel,
} from '../../shared/moderation/speechHeadings.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import type { Meeting, Meetings } from '../meetings/Meetings.js';
import type { MeetingEventLog } from './MeetingEventLog.js';

/**
 * Writes a heading for each speech where people take notes of it: the minutes get
 * `14:05 张三 对 李四 的批评意见`, and a criticism's subject's `critique/` document gets the
 * critic's name, so that the recorder and the critic type under the right heading. Each heading
 * is written once, whoever starts the speech and however often.
 */
export class SpeechHeadingWriter {
  private readonly clock: Intl.DateTimeFormat;

  constructor(
    private readonly deps: { meetings: Meetings; log: MeetingEventLog; documents: ServerDocuments },
    timeZone: string,
  ) {
    this.clock = new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  async write(meeting: Meeting, speech: CurrentSpeech): Promise<void> {
    const names = new Map(
      (await this.deps.meetings.participants(meeting)).map((p) => [p.userId, p.displayName]),
    );
    const speaker = names.get(speech.speakerId) ?? String(speech.speakerId);
    const subject =
      speech.subjectId === null ? null : (names.get(speech.subjectId) ?? String(speech.subjectId));
    const time = this.clock.format(speech.startedAt);
    const label = speechLabel(speech.kind, meeting.kind, subject);
    await this.once(
      meeting,
      speech,
      meetingDocumentName(meeting.id, { kind: 'minutes', ownerId: null }),
      minutesHeading(time, speaker, label),
    );
    if (speech.kind === 'criticism' && speech.subjectId !== null) {
      const critique = meetingDocumentName(meeting.id, {
        kind: 'critique',
        ownerId: speech.subjectId,
      });
      await this.once(meeting, speech, critique, critiqueHeading(time, speaker));
    }
  }

  private async once(
    meeting: Meeting,
    speech: CurrentSpeech,
    document: string,
    text: string,
  ): Promise<void> {
    if (!(await this.deps.log.claimHeading(meeting.id, speech.id, document))) return;
    await this.deps.documents.append(document, [
      {
        type: 'heading',
        attrs: { level: OutlineLevel.subsection },
        content: [{ type: 'text', text }],
      },
      { type: 'paragraph' },
    ]);
  }
}
