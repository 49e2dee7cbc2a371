import { useEffect } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { quorum } from '../../../shared/moderation/meetingState.js';
import { ApiError } from '../../api/ApiError.js';
import { describeApiError, describeRefusal } from '../../api/describeApiError.js';
import { useMeetingChannel } from '../../collab/useMeetingChannel.js';
import { useMeetingEvent } from '../../collab/useMeetingEvent.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ProjectorAppraisal } from '../appraisal/ProjectorAppraisal.js';
import { useAppraisal } from '../appraisal/useAppraisal.js';
import { useMeeting } from '../meetings/useMeeting.js';
import { Countdown } from './Countdown.js';
import { currentPhase, currentQueue } from './meetingProgress.js';
import { useSpeechText } from './useSpeechText.js';
import './ProjectorPage.css';

const upcomingCount = 3;

/**
 * `/meetings/:id/projector`: the second screen in the room, 1920×1080, no app header. The
 * meeting, the phase, who speaks about whom, a clock readable from the back, the next three.
 */
export function ProjectorPage({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const title = meeting.data?.title;

  useEffect(() => {
    document.title = `${t('projector.heading')} · ${title ?? t('meeting.heading')}`;
  }, [title, t]);

  if (!meeting.data) {
    const message =
      meeting.error instanceof ApiError && meeting.error.status === 404
        ? t('meeting.notFound')
        : meeting.error !== null
          ? t('common.loadFailed', { message: describeApiError(meeting.error, t) })
          : t('common.loading');
    return (
      <div className="projector projector--message" data-testid="projector">
        <p className="projector__message">{message}</p>
      </div>
    );
  }
  return <ProjectorScreen meeting={meeting.data} reload={meeting.reload} />;
}

function ProjectorScreen({ meeting, reload }: { meeting: MeetingDetailView; reload(): void }) {
  const { t } = useI18n();
  const channel = useMeetingChannel(meeting.id);
  useMeetingEvent(channel, MeetingEvent.status, reload);
  const text = useSpeechText(meeting);
  const { state } = channel;
  // 组织生活会: while nobody speaks, the stage shows the appraisal vote and then its result.
  const { appraisal } = useAppraisal(meeting.id, channel, meeting.kind === 'organizational-life');

  if (channel.refused || !state) {
    return (
      <div className="projector projector--message" data-testid="projector">
        <p className="projector__message">
          {channel.refused
            ? t('moderation.joinRefused', { message: describeRefusal(channel.refused, t) })
            : t('bar.connecting')}
        </p>
      </div>
    );
  }
  const speech = state.current;
  const phase = currentPhase(state);
  const upcoming = currentQueue(state).slice(0, upcomingCount);
  const q = quorum(state);

  return (
    <div className="projector" data-testid="projector">
      <header className="projector__header">
        <h1 className="projector__title" data-testid="projector-title">
          {meeting.title}
        </h1>
        {meeting.theme && (
          <p className="projector__theme" data-testid="projector-theme">
            {meeting.theme}
          </p>
        )}
      </header>
      <p className="projector__phase" data-testid="projector-phase">
        {phase ? phase.title : t('projector.notStarted')}
      </p>
      <div className="projector__stage">
        {speech ? (
          <>
            <p className="projector__speaker" data-testid="projector-speaker">
              {text.name(speech.speakerId)}
            </p>
            <p className="projector__label" data-testid="projector-label">
              {text.label(speech)}
            </p>
            <Countdown speech={speech} clockOffset={channel.clockOffset} size="huge" />
            {speech.pausedAt !== null && (
              <p className="projector__paused">{t('controls.paused')}</p>
            )}
          </>
        ) : appraisal && appraisal.status !== 'none' ? (
          <ProjectorAppraisal appraisal={appraisal} name={text.name} />
        ) : (
          <p className="projector__waiting" data-testid="projector-waiting">
            {t('projector.waiting')}
          </p>
        )}
      </div>
      <footer className="projector__footer">
        <section className="projector__next" aria-label={t('projector.next')}>
          <h2 className="projector__next-heading">{t('projector.next')}</h2>
          {upcoming.length === 0 ? (
            <p className="projector__next-none">{t('projector.noneNext')}</p>
          ) : (
            <ol className="projector__next-list" data-testid="projector-next">
              {upcoming.map((next) => (
                <li key={next.id} data-testid="projector-next-item">
                  <strong>{text.name(next.speakerId)}</strong> {text.label(next)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <p className="projector__quorum">
          {t('attendance.quorum', { expected: q.expected, present: q.present })}
          {channel.phase !== 'connected' && (
            <span className="projector__offline"> · {t(`status.${channel.phase}`)}</span>
          )}
        </p>
      </footer>
    </div>
  );
}
