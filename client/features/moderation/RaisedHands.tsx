import { Button } from 'antd';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { subjectNow } from './meetingProgress.js';
import { PanelCard } from './PanelCard.js';
import { formatClockTime } from './speechClock.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './RaisedHands.css';

interface RaisedHandsProps {
  state: MeetingState;
  text: SpeechText;
  runner: CommandRunner;
  live: boolean;
}

/** Hands raised, first come first: 采纳 puts the speech into the order, 忽略 lowers the hand. */
export function RaisedHands({ state, text, runner, live }: RaisedHandsProps) {
  const { t, locale } = useI18n();
  const off = runner.busy || !live;
  const subject = subjectNow(state);
  const hands = [...state.hands].sort((a, b) => a.raisedAt - b.raisedAt);
  return (
    <PanelCard
      title={t('hands.heading')}
      className={hands.length > 0 ? 'raised-hands--some' : undefined}
      data-testid="raised-hands"
      actions={
        hands.length > 0 && (
          <span className="raised-hands__count" data-testid="hands-count">
            {hands.length}
          </span>
        )
      }
    >
      {hands.length === 0 ? (
        <p className="raised-hands__none">{t('hands.none')}</p>
      ) : (
        <ul className="raised-hands">
          {hands.map((hand) => {
            const name = text.name(hand.userId);
            return (
              <li
                key={hand.userId}
                className="raised-hands__item"
                data-testid="hand-item"
                data-user-id={hand.userId}
              >
                <span className="raised-hands__name">{name}</span>
                <span className="raised-hands__what">{text.hand(hand, subject)}</span>
                <span className="raised-hands__time">{formatClockTime(hand.raisedAt, locale)}</span>
                <Button
                  type="primary"
                  data-testid="hand-accept"
                  aria-label={t('hands.acceptOf', { name })}
                  // Accepted into the current phase's order, so one must be running.
                  disabled={off || state.currentPhaseId === null}
                  onClick={() => void runner.run({ type: 'acceptHand', userId: hand.userId })}
                >
                  {t('hands.accept')}
                </Button>
                <Button
                  data-testid="hand-dismiss"
                  aria-label={t('hands.dismissOf', { name })}
                  disabled={off}
                  onClick={() => void runner.run({ type: 'dismissHand', userId: hand.userId })}
                >
                  {t('hands.dismiss')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </PanelCard>
  );
}
