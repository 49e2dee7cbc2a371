import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { SPEECH_KINDS, type SpeechKind } from '../../../shared/moderation/moderationSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { currentQueue } from './meetingProgress.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './InsertSpeechForm.css';

interface InsertSpeechFormProps {
  state: MeetingState;
  phaseId: string;
  text: SpeechText;
  runner: CommandRunner;
  onDone(): void;
}

/** Adds a speech to the order: who, what kind, about whom (a criticism), next or last. */
export function InsertSpeechForm({ state, phaseId, text, runner, onDone }: InsertSpeechFormProps) {
  const { t } = useI18n();
  const id = useId();
  const people = state.roster.map((r) => r.userId);
  const participants = state.roster
    .filter((r) => r.roles.includes('participant'))
    .map((r) => r.userId);
  const [speakerId, setSpeakerId] = useState<number | null>(people[0] ?? null);
  const [kind, setKind] = useState<SpeechKind>('free');
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [where, setWhere] = useState<'next' | 'last'>('next');
  const subjects = participants.filter((userId) => userId !== speakerId);
  const subject = kind === 'criticism' && subjects.includes(subjectId ?? 0) ? subjectId : null;
  const ready = speakerId !== null && (kind !== 'criticism' || subject !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || speakerId === null) return;
    const index = where === 'next' ? 0 : currentQueue(state).length;
    const speech = { speakerId, kind, subjectId: subject };
    if (await runner.run({ type: 'insertSpeech', phaseId, index, speech }, { withVersion: true })) {
      onDone();
    }
  };

  return (
    <form
      className="insert-speech"
      data-testid="insert-speech"
      onSubmit={(event) => void submit(event)}
    >
      <label htmlFor={`${id}-speaker`}>{t('insert.speaker')}</label>
      <select
        id={`${id}-speaker`}
        data-testid="insert-speaker"
        value={speakerId ?? ''}
        onChange={(event) => setSpeakerId(Number(event.target.value))}
      >
        {people.map((userId) => (
          <option key={userId} value={userId}>
            {text.name(userId)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-kind`}>{t('insert.kind')}</label>
      <select
        id={`${id}-kind`}
        data-testid="insert-kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as SpeechKind)}
      >
        {SPEECH_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`speechKind.${k}`)}
          </option>
        ))}
      </select>
      {kind === 'criticism' && (
        <>
          <label htmlFor={`${id}-subject`}>{t('insert.subject')}</label>
          <select
            id={`${id}-subject`}
            data-testid="insert-subject"
            value={subject ?? ''}
            onChange={(event) => setSubjectId(Number(event.target.value))}
          >
            <option value="" disabled>
              {t('insert.chooseSubject')}
            </option>
            {subjects.map((userId) => (
              <option key={userId} value={userId}>
                {text.name(userId)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-where`}>{t('insert.where')}</label>
      <select
        id={`${id}-where`}
        data-testid="insert-where"
        value={where}
        onChange={(event) => setWhere(event.target.value as 'next' | 'last')}
      >
        <option value="next">{t('insert.next')}</option>
        <option value="last">{t('insert.last')}</option>
      </select>
      <div className="insert-speech__buttons">
        <Button onClick={onDone}>{t('dialog.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          data-testid="insert-submit"
          disabled={!ready || runner.busy}
        >
          {t('insert.submit')}
        </Button>
      </div>
    </form>
  );
}
