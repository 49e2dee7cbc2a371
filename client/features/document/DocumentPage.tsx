import type { Editor } from '@tiptap/core';
import { Button } from 'antd';
import { useCallback, useEffect, useId, useState } from 'react';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { ApiError } from '../../api/ApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { documentPageAnswers } from '../../offline/offlineAnswers.js';
import { useOfflineReady } from '../../offline/useOfflineReady.js';
import { Link } from '../../routing/Link.js';
import { meetingPath } from '../../routing/routes.js';
import type { Identity } from '../identity/identity.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';
import { useMeetingChannel } from '../../collab/useMeetingChannel.js';
import { useMeetingEvent } from '../../collab/useMeetingEvent.js';
import { ImportMaterialButton } from '../import/ImportMaterialButton.js';
import { mayImportInto, mayProposeFrom } from '../import/importTarget.js';
import type { ImportNotice } from '../import/useImportFlow.js';
import { isLive } from '../meetings/isLive.js';
import { MeetingLoadStatus } from '../meetings/MeetingLoadStatus.js';
import { useMeeting } from '../meetings/useMeeting.js';
import { MeetingBar } from '../moderation/MeetingBar.js';
import { DocumentRectification } from '../rectifications/DocumentRectification.js';
import { VersionPanel } from '../versions/VersionPanel.js';
import { OpenDocument } from './OpenDocument.js';
import './DocumentPage.css';

interface DocumentPageProps {
  meetingId: number;
  /** `m/<meetingId>/<document>`. */
  documentName: string;
  identity: Identity;
  /** The signed-in user: the meeting bar marks their turn. */
  userId: number;
}

/**
 * `/meetings/:id/docs/<document>`: one of a meeting's documents, titled and marked read-only
 * as the meeting's detail says; opened only once the meeting lists it for the caller.
 */
export function DocumentPage({ meetingId, documentName, identity, userId }: DocumentPageProps) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const [refused, setRefused] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [importNotice, setImportNotice] = useState<ImportNotice | null>(null);
  const versionPanelId = useId();
  // For 设为整改事项 on the selection and for selecting an item's linked text.
  const [editor, setEditor] = useState<Editor | null>(null);
  const doc = meeting.data?.documents.find((candidate) => candidate.name === documentName);
  const { reload } = meeting;
  const onRefused = useCallback(() => setRefused(true), []);
  // Whether this page would open again offline (data-offline-ready, for tests and support).
  const offlineReady = useOfflineReady(documentPageAnswers(meetingId));
  const live = meeting.data !== null && isLive(meeting.data);
  // The meeting's list shows who is in this document; the bar above it who speaks.
  const channel = useMeetingChannel(live ? meetingId : null, documentName);
  useMeetingEvent(channel, MeetingEvent.status, reload);

  useEffect(() => {
    document.title = `${doc?.title ?? documentName} · ${t('app.title')}`;
  }, [doc?.title, documentName, t]);

  const gone = meeting.error instanceof ApiError && meeting.error.status === 404;
  if (refused || gone || (meeting.data && !doc)) {
    return (
      <MessagePage
        title={t('document.noAccess')}
        detail={t('document.noAccessDetail')}
        alert
        testId="document-no-access"
      />
    );
  }
  // A meeting that is not found was refused above.
  if (!meeting.data || !doc) return <MeetingLoadStatus meeting={meeting} />;
  const closed = meeting.data.status === 'closed';
  const importable = doc.canWrite && !closed && mayImportInto(meeting.data, documentName);

  return (
    <div className="document-page" data-offline-ready={offlineReady}>
      <div className="document-page__bar">
        <Link
          className="document-page__back"
          href={meetingPath(meetingId)}
          data-testid="back-to-meeting"
        >
          ← {meeting.data.title}
        </Link>
        <h1 className="document-page__name" title={doc.title} data-testid="document-title">
          {doc.title}
        </h1>
        {!doc.canWrite && (
          <span
            className="document-page__read-only"
            data-testid="read-only-marker"
            title={closed ? t('document.readOnlyClosed') : t('document.readOnlyRole')}
          >
            {t('documents.readOnly')}
          </span>
        )}
        <Button
          className="document-page__versions-toggle"
          aria-expanded={versionsOpen}
          aria-controls={versionPanelId}
          data-testid="versions-toggle"
          onClick={() => setVersionsOpen((open) => !open)}
        >
          {versionsOpen ? t('versions.hide') : t('versions.show')}
        </Button>
        {importable && (
          <ImportMaterialButton
            meetingId={meetingId}
            document={documentName}
            propose={mayProposeFrom(meeting.data, documentName)}
            onNotice={setImportNotice}
          />
        )}
      </div>
      {live && <MeetingBar meeting={meeting.data} userId={userId} channel={channel} panelLink />}
      {closed && (
        <Notice tone="info" data-testid="final-banner">
          {t('document.final')}
        </Notice>
      )}
      {importNotice && (
        <Notice tone={importNotice.tone} data-testid="import-notice">
          {importNotice.text}
        </Notice>
      )}
      <DocumentRectification meeting={meeting.data} documentName={documentName} editor={editor} />
      <div className="document-page__body">
        <div className="document-page__main">
          <OpenDocument
            documentName={documentName}
            title={doc.title}
            // The server answers a closed meeting with canWrite false already; never offer
            // editing a final record, even on a stale (offline) copy of the meeting.
            canWrite={doc.canWrite && !closed}
            identity={identity}
            userId={userId}
            onAccessChanged={reload}
            onRefused={onRefused}
            onEditor={setEditor}
          />
        </div>
        {versionsOpen && (
          <VersionPanel
            id={versionPanelId}
            document={documentName}
            mayManage={meeting.data.abilities['meeting.manage']}
            canWrite={doc.canWrite}
            closed={closed}
          />
        )}
      </div>
    </div>
  );
}
