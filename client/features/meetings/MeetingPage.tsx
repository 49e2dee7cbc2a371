import { mayModerate } from '../moderation/commandRights.js';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { useMeetingChannel } from '../../collab/useMeetingChannel.js';
import { useMeetingEvent } from '../../collab/useMeetingEvent.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath, moderatePath } from '../../routing/routes.js';
import { AppraisalRecord } from '../appraisal/AppraisalRecord.js';
import { MeetingBar } from '../moderation/MeetingBar.js';
import { ProjectorLink } from '../moderation/ProjectorLink.js';
import { RectificationCard } from '../rectifications/RectificationCard.js';
import { DocumentList } from './DocumentList.js';
import { MeetingEditForm } from './MeetingEditForm.js';
import { MeetingInfo } from './MeetingInfo.js';
import { MeetingLoadStatus } from './MeetingLoadStatus.js';
import { MeetingStatusActions } from './MeetingStatusActions.js';
import { ParticipantsEditor } from './ParticipantsEditor.js';
import { ParticipantSummary } from './ParticipantSummary.js';
import { StatusBadge } from './StatusBadge.js';
import { isLive } from './isLive.js';
import { useMeeting } from './useMeeting.js';
import { useMeetingPresence } from './useMeetingPresence.js';
import './MeetingPage.css';

interface MeetingPageProps {
  meetingId: number;
  /** The signed-in user: their own documents come first. */
  userId: number;
}

/** `/meetings/:id`: the meeting's facts, its documents, its people and (for managers) its status. */
export function MeetingPage({ meetingId, userId }: MeetingPageProps) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const title = meeting.data?.title;

  useEffect(() => {
    document.title = `${title ?? t('meeting.heading')} · ${t('app.title')}`;
  }, [title, t]);

  if (!meeting.data) return <MeetingLoadStatus meeting={meeting} />;
  return (
    <MeetingView
      meeting={meeting.data}
      userId={userId}
      onChanged={meeting.set}
      onReload={meeting.reload}
    />
  );
}

function MeetingView({
  meeting,
  userId,
  onChanged,
  onReload,
}: {
  meeting: MeetingDetailView;
  userId: number;
  onChanged(meeting: MeetingDetailView): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const closed = meeting.status === 'closed';
  const live = isLive(meeting);
  const channel = useMeetingChannel(live ? meeting.id : null);
  useMeetingEvent(channel, MeetingEvent.status, onReload);
  const presence = useMeetingPresence(channel, meeting.id);
  // A closed meeting's record is final: nothing about it changes until it is reopened.
  const mayEdit = meeting.abilities['meeting.edit'];

  return (
    <div className="meeting-page">
      <Link className="meeting-page__back" href={branchPath(meeting.branchId)}>
        ← {meeting.branchName}
      </Link>
      <header className="meeting-page__header">
        <h2 className="meeting-page__title" data-testid="meeting-title">
          {meeting.title}
        </h2>
        <StatusBadge status={meeting.status} />
      </header>
      {closed && (
        <p className="meeting-page__closed" role="status" data-testid="meeting-closed-banner">
          {t('meeting.closedBanner')}
        </p>
      )}
      {live && <MeetingBar meeting={meeting} userId={userId} channel={channel} />}
      {live && mayModerate(meeting) && (
        <div className="meeting-page__moderation">
          <Link
            className="meeting-page__moderate"
            href={moderatePath(meeting.id)}
            data-testid="open-moderation"
          >
            {t('moderation.openPanel')}
          </Link>
          <ProjectorLink meetingId={meeting.id} />
        </div>
      )}
      {meeting.abilities['meeting.manage'] && (
        <MeetingStatusActions meeting={meeting} onChanged={onChanged} />
      )}
      {/* While the meeting is held, the bar has it; afterwards, the record is here. */}
      {closed && meeting.kind === 'organizational-life' && meeting.abilities['appraisal.view'] && (
        <AppraisalRecord meeting={meeting} />
      )}
      <div className="meeting-page__columns">
        <section className="meeting-page__card" aria-labelledby="meeting-info-heading">
          <div className="meeting-page__card-bar">
            <h3 id="meeting-info-heading">{t('meeting.infoHeading')}</h3>
            {mayEdit && !editing && (
              <Button data-testid="meeting-edit" onClick={() => setEditing(true)}>
                {t('meeting.edit')}
              </Button>
            )}
          </div>
          {editing && mayEdit ? (
            <MeetingEditForm
              meeting={meeting}
              onSaved={(saved) => {
                setEditing(false);
                onChanged(saved);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <MeetingInfo meeting={meeting} />
          )}
        </section>
        <section className="meeting-page__card" aria-labelledby="meeting-documents-heading">
          <h3 id="meeting-documents-heading">{t('documents.heading')}</h3>
          <DocumentList meeting={meeting} userId={userId} presence={presence} />
        </section>
      </div>
      {meeting.abilities['rectification.read'] && (
        <RectificationCard meeting={meeting} feed={live ? channel : null} />
      )}
      <section className="meeting-page__card" aria-labelledby="meeting-participants-heading">
        <h3 id="meeting-participants-heading">{t('participants.heading')}</h3>
        {mayEdit ? (
          <ParticipantsEditor meeting={meeting} onSaved={onChanged} />
        ) : (
          <ParticipantSummary participants={meeting.participants} />
        )}
      </section>
    </div>
  );
}
