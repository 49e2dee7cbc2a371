import { Button } from 'antd';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { PanelCard } from './PanelCard.js';
import { formatClockTime, formatDuration } from './speechClock.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './SpeechLog.css';

interface SpeechLogProps {
  state: MeetingState;
  text: SpeechText;
  runner: CommandRunner;
  live: boolean;
}

/** The speeches given, latest first: the backbone of the minutes; 再次发言 puts one next again. */
export function SpeechLog({ state, text, runner, live }: SpeechLogProps) {
  const { t, locale } = useI18n();
  const off = runner.busy || !live;
  const phases = new Map(state.phases.map((p) => [p.id, p.title]));
  const log = [...state.log].reverse();
  return (
    <PanelCard
      title={t('log.heading')}
      data-testid="speech-log"
      actions={<span className="speech-log__count">{t('log.count', { count: log.length })}</span>}
    >
      {log.length === 0 ? (
        <p className="speech-log__none">{t('log.none')}</p>
      ) : (
        <ol className="speech-log">
          {log.map((record) => {
            const name = text.name(record.speakerId);
            const label = text.label(record);
            return (
              <li key={record.id} className="speech-log__item" data-testid="log-item">
                <span className="speech-log__time">
                  {formatClockTime(record.startedAt, locale)}
                </span>
                <span className="speech-log__what">
                  <strong>{name}</strong> {label}
                  <span className="speech-log__phase">{phases.get(record.phaseId) ?? ''}</span>
                </span>
                <span className="speech-log__duration">
                  {formatDuration(record.durationMs)}
                  {record.overtimeMs > 0 && (
                    <span className="speech-log__overtime" data-testid="log-overtime">
                      {t('log.overtime', { time: formatDuration(record.overtimeMs) })}
                    </span>
                  )}
                </span>
                <Button
                  data-testid="log-repeat"
                  aria-label={t('log.repeatOf', { name, label })}
                  disabled={off || state.currentPhaseId === null}
                  onClick={() =>
                    void runner.run(
                      { type: 'repeatSpeech', speechId: record.id },
                      { withVersion: true },
                    )
                  }
                >
                  {t('log.repeat')}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </PanelCard>
  );
}
