import { Button } from 'antd';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { ModerationCommandType } from '../../../shared/moderation/moderationSchemas.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import type { MeetingChannel } from '../../collab/useMeetingChannel.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { moderatePath } from '../../routing/routes.js';
import { AppraisalEntry } from '../appraisal/AppraisalEntry.js';
import { Countdown } from './Countdown.js';
import { mayCommand } from './commandRights.js';
import { currentPhase, currentQueue, subjectNow, turnOf } from './meetingProgress.js';
import { formatClockTime } from './speechClock.js';
import { useCommandRunner, type CommandRunner } from './useCommandRunner.js';
import { useSpeechText, type SpeechText } from './useSpeechText.js';
import './MeetingBar.css';

interface MeetingBarProps {
  meeting: MeetingDetailView;
  userId: number;
  /** The page's watch on the meeting (useMeetingChannel), shared with its document list. */
  channel: MeetingChannel;
  /** Hosts get a link to the moderator panel (where the page has none of its own). */
  panelLink?: boolean;
}

/**
 * One line above a meeting's page or document while it is held: who speaks, the time left, who
 * is next, and the caller's own hand and sign-in. Recorders and hosts also get 开始 / 结束.
 */
export function MeetingBar({ meeting, userId, channel, panelLink = false }: MeetingBarProps) {
  const { t } = useI18n();
  const runner = useCommandRunner(channel.send);
  const text = useSpeechText(meeting);
  const { state } = channel;

  // Not in the meeting after all (removed meanwhile): nothing to show.
  if (channel.refused) return null;
  if (!state) {
    return (
      <div className="meeting-bar meeting-bar--idle" data-testid="meeting-bar" role="status">
        {t('bar.connecting')}
      </div>
    );
  }
  const speech = state.current;
  const roles = state.roster.find((r) => r.userId === userId)?.roles ?? [];
  const may = (type: ModerationCommandType): boolean => mayCommand(meeting, roles, type);
  const phase = currentPhase(state);
  const turn = turnOf(state, userId);
  return (
    <div className="meeting-bar-wrap">
      <div
        className={`meeting-bar${turn ? ` meeting-bar--turn-${turn}` : ''}`}
        data-testid="meeting-bar"
        aria-label={t('bar.label')}
        role="region"
      >
        <div className="meeting-bar__now">
          {speech ? (
            <>
              <span className="meeting-bar__tag">{t('bar.speaking')}</span>
              <strong className="meeting-bar__speaker" data-testid="bar-speaker">
                {text.name(speech.speakerId)}
              </strong>
              <span className="meeting-bar__label" data-testid="bar-label">
                {text.label(speech)}
              </span>
              <Countdown speech={speech} clockOffset={channel.clockOffset} size="small" />
            </>
          ) : (
            <span className="meeting-bar__label" data-testid="bar-idle">
              {phase ? t('bar.noSpeechInPhase', { phase: phase.title }) : t('bar.notStarted')}
            </span>
          )}
        </div>
        <NextUp state={state} text={text} />
        {turn && (
          <span className="meeting-bar__turn" data-testid="bar-my-turn" data-turn={turn}>
            {t(turn === 'now' ? 'bar.yourTurn' : 'bar.youAreNext')}
          </span>
        )}
        {channel.phase !== 'connected' && (
          <span className="meeting-bar__offline" role="status">
            {t(`status.${channel.phase}`)}
          </span>
        )}
        <OwnActions state={state} userId={userId} may={may} text={text} runner={runner} />
        {meeting.kind === 'organizational-life' && (
          <AppraisalEntry meetingId={meeting.id} userId={userId} feed={channel} name={text.name} />
        )}
        {panelLink && may('startPhase') && (
          <Link className="meeting-bar__panel" href={moderatePath(meeting.id)}>
            {t('moderation.openPanel')}
          </Link>
        )}
      </div>
      {runner.error && (
        <p className="meeting-bar__error" role="alert" data-testid="bar-error">
          {runner.error}
        </p>
      )}
    </div>
  );
}

function NextUp({ state, text }: { state: MeetingState; text: SpeechText }) {
  const { t } = useI18n();
  const next = currentQueue(state)[0];
  if (!next) return null;
  return (
    <span className="meeting-bar__next" data-testid="bar-next">
      {t('bar.next', { name: text.name(next.speakerId), label: text.label(next) })}
    </span>
  );
}

/** The caller's hand, sign-in and, for recorders and hosts, starting and ending speeches. */
function OwnActions({
  state,
  userId,
  may,
  text,
  runner,
}: {
  state: MeetingState;
  userId: number;
  /** Whether the caller may send a command, with their roles as the moderation state has them. */
  may(type: ModerationCommandType): boolean;
  text: SpeechText;
  runner: CommandRunner;
}) {
  const { t, locale } = useI18n();
  const hand = state.hands.find((h) => h.userId === userId);
  const subject = subjectNow(state);
  const signedInAt = state.attendance[userId]?.signedInAt ?? null;
  const { run, busy } = runner;
  return (
    <div className="meeting-bar__actions">
      {may('raiseHand') &&
        (hand ? (
          <>
            <span className="meeting-bar__hand" data-testid="bar-hand-raised">
              {t('bar.handRaised', { what: text.hand(hand, subject) })}
            </span>
            <Button
              data-testid="bar-lower"
              disabled={busy}
              onClick={() => void run({ type: 'lowerHand' })}
            >
              {t('bar.lowerHand')}
            </Button>
          </>
        ) : (
          <>
            {subject !== null && subject !== userId && (
              <Button
                data-testid="bar-raise-criticism"
                title={t('bar.raiseCriticismHint', { name: text.name(subject) })}
                disabled={busy}
                onClick={() =>
                  void run({ type: 'raiseHand', purpose: 'criticism', subjectId: subject })
                }
              >
                {t('bar.raiseCriticism')}
              </Button>
            )}
            <Button
              data-testid="bar-raise-speak"
              disabled={busy}
              onClick={() => void run({ type: 'raiseHand', purpose: 'speak' })}
            >
              {t('bar.raiseSpeak')}
            </Button>
          </>
        ))}
      {may('signIn') &&
        (signedInAt === null ? (
          <Button
            type="primary"
            data-testid="bar-sign-in"
            disabled={busy}
            onClick={() => void run({ type: 'signIn' })}
          >
            {t('bar.signIn')}
          </Button>
        ) : (
          <span className="meeting-bar__signed-in" data-testid="bar-signed-in">
            {t('bar.signedIn', { time: formatClockTime(signedInAt, locale) })}
          </span>
        ))}
      {may('startSpeech') &&
        (state.current ? (
          <Button
            type="primary"
            data-testid="bar-end"
            disabled={busy}
            onClick={() => void run({ type: 'endSpeech' })}
          >
            {t('controls.end')}
          </Button>
        ) : (
          currentQueue(state).length > 0 && (
            <Button
              type="primary"
              data-testid="bar-start-next"
              disabled={busy}
              onClick={() => void run({ type: 'startSpeech' })}
            >
              {t('bar.startNext')}
            </Button>
          )
        ))}
    </div>
  );
}
