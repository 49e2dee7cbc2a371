import { mayModerate } from './commandRights.js';
import { Button } from 'antd';
import { useEffect } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { quorum } from '../../../shared/moderation/meetingState.js';
import { describeRefusal } from '../../api/describeApiError.js';
import { useMeetingChannel } from '../../collab/useMeetingChannel.js';
import { useMeetingEvent } from '../../collab/useMeetingEvent.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { meetingPath } from '../../routing/routes.js';
import { AppraisalHostPanel } from '../appraisal/AppraisalHostPanel.js';
import { RecordFromSpeechButton } from '../rectifications/RecordFromSpeechButton.js';
import { ConnectionStatus } from '../document/ConnectionStatus.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';
import { MeetingLoadStatus } from '../meetings/MeetingLoadStatus.js';
import { StatusBadge } from '../meetings/StatusBadge.js';
import { useMeeting } from '../meetings/useMeeting.js';
import { AttendancePanel } from './AttendancePanel.js';
import { PhaseList } from './PhaseList.js';
import { ProjectorLink } from './ProjectorLink.js';
import { RaisedHands } from './RaisedHands.js';
import { SpeakingOrder } from './SpeakingOrder.js';
import { SpeechControls } from './SpeechControls.js';
import { SpeechLimits } from './SpeechLimits.js';
import { SpeechLog } from './SpeechLog.js';
import { useCommandRunner } from './useCommandRunner.js';
import { useSpeechText } from './useSpeechText.js';
import './ModeratePage.css';

interface ModeratePageProps {
  meetingId: number;
  /** The signed-in user: a host who also votes in 民主评议党员 votes from here too. */
  userId: number;
}

/** `/meetings/:id/moderate`: the host's moderator panel. */
export function ModeratePage({ meetingId, userId }: ModeratePageProps) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const title = meeting.data?.title;

  useEffect(() => {
    document.title = `${t('moderation.heading')} · ${title ?? t('meeting.heading')}`;
  }, [title, t]);

  if (!meeting.data) return <MeetingLoadStatus meeting={meeting} />;
  if (!mayModerate(meeting.data)) {
    return (
      <MessagePage
        title={t('moderation.hostsOnly')}
        detail={t('moderation.hostsOnlyDetail')}
        alert
        testId="moderate-hosts-only"
      />
    );
  }
  return <ModeratePanel meeting={meeting.data} userId={userId} reload={meeting.reload} />;
}

function ModeratePanel({
  meeting,
  userId,
  reload,
}: {
  meeting: MeetingDetailView;
  userId: number;
  reload(): void;
}) {
  const { t } = useI18n();
  // A status change (opened, started, closed) comes with the meeting's new facts.
  const channel = useMeetingChannel(meeting.id);
  useMeetingEvent(channel, MeetingEvent.status, reload);
  const runner = useCommandRunner(channel.send);
  const text = useSpeechText(meeting);
  const { state } = channel;
  const live = meeting.status === 'open' || meeting.status === 'in-progress';

  // Someone joined the meeting since it was loaded: fetch it again for their name.
  const known = new Set(meeting.participants.map((p) => p.userId));
  const unknown = (state?.roster ?? []).filter((r) => !known.has(r.userId)).map((r) => r.userId);
  const unknownKey = unknown.join(',');
  useEffect(() => {
    if (unknownKey) reload();
  }, [unknownKey, reload]);

  if (channel.refused) {
    return (
      <MessagePage
        title={t('moderation.joinRefused', { message: describeRefusal(channel.refused, t) })}
        alert
        testId="moderate-refused"
      />
    );
  }
  const q = state ? quorum(state) : null;

  return (
    <div className="moderate-page" data-testid="moderate-page">
      <header className="moderate-page__bar">
        <Link className="moderate-page__back" href={meetingPath(meeting.id)}>
          ← {meeting.title}
        </Link>
        <h2 className="moderate-page__title">{t('moderation.heading')}</h2>
        <StatusBadge status={meeting.status} />
        <ConnectionStatus state={{ phase: channel.phase, closeCode: null }} />
        {q && (
          <span
            className={`moderate-page__quorum${q.enough ? '' : ' moderate-page__quorum--short'}`}
          >
            {t('attendance.quorum', { expected: q.expected, present: q.present })}
          </span>
        )}
        <ProjectorLink className="moderate-page__projector" meetingId={meeting.id} />
      </header>
      {!live && <Notice tone="info">{t('moderation.notLive')}</Notice>}
      {runner.error && (
        <div className="moderate-page__error" role="alert" data-testid="command-error">
          <span>{runner.error}</span>
          <Button onClick={runner.dismiss}>{t('moderation.dismiss')}</Button>
        </div>
      )}
      {!state ? (
        <Notice tone="info">{t('bar.connecting')}</Notice>
      ) : (
        <>
          <SpeechControls
            state={state}
            clockOffset={channel.clockOffset}
            text={text}
            runner={runner}
            live={live}
          />
          {live && <RecordFromSpeechButton meeting={meeting} state={state} text={text} />}
          <div className="moderate-page__columns">
            {/* The order and the hands are what a host watches during the round: on top. */}
            <div className="moderate-page__column">
              <SpeakingOrder state={state} text={text} runner={runner} live={live} />
              {meeting.kind === 'organizational-life' && (
                <AppraisalHostPanel
                  meeting={meeting}
                  userId={userId}
                  state={state}
                  feed={channel}
                  name={text.name}
                />
              )}
              <SpeechLog state={state} text={text} runner={runner} live={live} />
            </div>
            <div className="moderate-page__column">
              <RaisedHands state={state} text={text} runner={runner} live={live} />
              <PhaseList state={state} runner={runner} live={live} />
              <AttendancePanel state={state} text={text} runner={runner} live={live} />
              <SpeechLimits state={state} runner={runner} live={live} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
