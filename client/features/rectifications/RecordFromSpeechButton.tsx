import { Button } from 'antd';
import { useState } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import type { SpeechText } from '../moderation/useSpeechText.js';
import { NewRectificationDialog } from './NewRectificationDialog.js';
import { meetingPeople } from './meetingPeople.js';
import { speechDraft } from './speechDraft.js';
import './RecordFromSpeechButton.css';

interface RecordFromSpeechButtonProps {
  meeting: MeetingDetailView;
  state: MeetingState;
  text: SpeechText;
}

/** 记录整改事项 on the moderator panel: an item from the current speech, prefilled. */
export function RecordFromSpeechButton({ meeting, state, text }: RecordFromSpeechButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ speech: NonNullable<MeetingState['current']> } | null>(null);
  const [recorded, setRecorded] = useState<number | null>(null);
  const speech = state.current;

  return (
    <div className="record-from-speech">
      <Button
        data-testid="rect-from-speech"
        disabled={!speech}
        title={speech ? undefined : t('rect.fromSpeechNone')}
        onClick={() => {
          if (speech) setOpen({ speech });
        }}
      >
        {t('rect.fromSpeech')}
      </Button>
      {recorded !== null && (
        <Notice tone="done" data-testid="rect-recorded">
          {t('rect.recorded', { seq: recorded })}
        </Notice>
      )}
      {open && (
        <NewRectificationDialog
          meetingId={meeting.id}
          initial={speechDraft(meeting, state, open.speech)}
          context={{ subjectUserId: open.speech.subjectId, speechId: open.speech.id }}
          people={meetingPeople(meeting)}
          aspects={meeting.aspects}
          origin={`${text.name(open.speech.speakerId)}：${text.label(open.speech)}`}
          onClose={() => setOpen(null)}
          onCreated={(item) => {
            setRecorded(item.seq);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
