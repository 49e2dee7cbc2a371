import { speechRemainingMs, type CurrentSpeech } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { formatRemaining } from './speechClock.js';
import { useServerNow } from './useServerNow.js';
import './Countdown.css';

interface CountdownProps {
  speech: CurrentSpeech;
  clockOffset: number;
  /** How large: a bar's line, the panel's clock, or the projector's. */
  size: 'small' | 'large' | 'huge';
}

/** Time left of the current speech, corrected for the clock offset; overtime in red as +mm:ss. */
export function Countdown({ speech, clockOffset, size }: CountdownProps) {
  const { t } = useI18n();
  const paused = speech.pausedAt !== null;
  const now = useServerNow(clockOffset, !paused);
  const remaining = speechRemainingMs(speech, now);
  const overtime = remaining < 0;
  const text = formatRemaining(remaining);
  const state = paused ? 'paused' : overtime ? 'overtime' : 'running';
  return (
    <span
      className={`countdown countdown--${size} countdown--${state}`}
      role="timer"
      data-testid="countdown"
      data-state={state}
      title={t(`countdown.${state}`)}
      aria-label={`${t(`countdown.${state}`)} ${text}`}
    >
      {text}
    </span>
  );
}
