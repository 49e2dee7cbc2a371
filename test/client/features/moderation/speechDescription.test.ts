import { describe, expect, it } from 'vitest';
import { MEETING_KINDS } from '../../../../shared/meetings/meetingSchemas.js';
import { SPEECH_KINDS } from '../../../../shared/moderation/moderationSchemas.js';
import { speechLabel } from '../../../../shared/moderation/speechHeadings.js';
import { describeSpeech } from '../../../../client/features/moderation/speechDescription.js';
import {
  translate,
  type MessageKey,
  type MessageParams,
} from '../../../../client/i18n/messages.js';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const names = new Map([[7, '李四']]);
const name = (userId: number) => names.get(userId) ?? String(userId);

describe('the Chinese speech labels of the moderation views', () => {
  it('are the words the server writes into the minutes', () => {
    for (const meetingKind of MEETING_KINDS) {
      for (const kind of SPEECH_KINDS) {
        for (const subjectId of [null, 7]) {
          const shown = describeSpeech(zh, meetingKind, { kind, subjectId }, name);
          const written = speechLabel(
            kind,
            meetingKind,
            subjectId === null ? null : name(subjectId),
          );
          expect(shown, `${meetingKind} ${kind} ${subjectId}`).toBe(written);
        }
      }
    }
  });
});
