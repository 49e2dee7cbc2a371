import { Button } from 'antd';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Countdown } from './Countdown.js';
import { currentPhase, currentQueue } from './meetingProgress.js';
import { formatDuration } from './speechClock.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './SpeechControls.css';

interface SpeechControlsProps {
  state: MeetingState;
  clockOffset: number;
  text: SpeechText;
  runner: CommandRunner;
  /** Commands are refused before the meeting opens and after it closes. */
  live: boolean;
}

/** The host's big buttons: who speaks, the clock, 开始 / 结束 / 下一位 / 暂停 / ±1 分钟. */
export function SpeechControls({ state, clockOffset, text, runner, live }: SpeechControlsProps) {
  const { t } = useI18n();
  const speech = state.current;
  const next = currentQueue(state)[0];
  const phase = currentPhase(state);
  const { run } = runner;
  const off = runner.busy || !live;

  return (
    <section
      className={`speech-controls${speech ? ' speech-controls--speaking' : ''}`}
      data-testid="speech-controls"
      aria-label={t('controls.heading')}
    >
      <div className="speech-controls__now">
        <p className="speech-controls__phase" data-testid="controls-phase">
          {phase ? phase.title : t('controls.noPhase')}
        </p>
        {speech ? (
          <>
            <p className="speech-controls__speaker" data-testid="current-speaker">
              {text.name(speech.speakerId)}
            </p>
            <p className="speech-controls__label" data-testid="current-label">
              {text.label(speech)}
              {speech.pausedAt !== null && (
                <span className="speech-controls__paused">{t('controls.paused')}</span>
              )}
            </p>
          </>
        ) : (
          <p className="speech-controls__speaker speech-controls__speaker--none">
            {t('controls.nobody')}
          </p>
        )}
        <p className="speech-controls__next" data-testid="next-speaker">
          {next
            ? t('controls.next', { name: text.name(next.speakerId), label: text.label(next) })
            : t('controls.orderEmpty')}
        </p>
      </div>
      <div className="speech-controls__clock">
        {speech ? (
          <>
            <Countdown speech={speech} clockOffset={clockOffset} size="large" />
            <span className="speech-controls__limit">
              {t('controls.limit', { time: formatDuration(speech.limitSeconds * 1000) })}
            </span>
          </>
        ) : (
          <span className="speech-controls__idle">--:--</span>
        )}
      </div>
      <div className="speech-controls__buttons">
        {speech ? (
          <Button
            type="primary"
            className="speech-controls__main"
            data-testid="speech-end"
            disabled={off}
            onClick={() => void run({ type: 'endSpeech' })}
          >
            {t('controls.end')}
          </Button>
        ) : (
          <Button
            type="primary"
            className="speech-controls__main"
            data-testid="speech-start"
            disabled={off || !next}
            onClick={() => void run({ type: 'startSpeech' })}
          >
            {t('controls.start')}
          </Button>
        )}
        <Button
          type="primary"
          className="speech-controls__main"
          data-testid="speech-next"
          disabled={off || !speech || !next}
          title={next ? text.name(next.speakerId) : undefined}
          onClick={() => void run([{ type: 'endSpeech' }, { type: 'startSpeech' }])}
        >
          {t('controls.nextSpeaker')}
        </Button>
        {speech && speech.pausedAt !== null ? (
          <Button
            data-testid="speech-resume"
            disabled={off}
            onClick={() => void run({ type: 'resumeSpeech' })}
          >
            {t('controls.resume')}
          </Button>
        ) : (
          <Button
            data-testid="speech-pause"
            disabled={off || !speech}
            onClick={() => void run({ type: 'pauseSpeech' })}
          >
            {t('controls.pause')}
          </Button>
        )}
        <Button
          data-testid="speech-minus"
          disabled={off || !speech}
          onClick={() => void run({ type: 'extendSpeech', seconds: -60 })}
        >
          {t('controls.minusMinute')}
        </Button>
        <Button
          data-testid="speech-plus"
          disabled={off || !speech}
          onClick={() => void run({ type: 'extendSpeech', seconds: 60 })}
        >
          {t('controls.plusMinute')}
        </Button>
      </div>
    </section>
  );
}
