import { Tag } from 'antd';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { PresenceMessage } from '../../../shared/moderation/meetingEvents.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../routing/Link.js';
import { documentPagePath } from '../../routing/routes.js';
import { DocumentPresenceAvatars } from './DocumentPresenceAvatars.js';
import { groupDocuments, type DocumentGroup } from './documentGroups.js';
import './DocumentList.css';

interface DocumentListProps {
  meeting: MeetingDetailView;
  userId: number;
  /** Who has which document open now (the meeting channel's), by document name. */
  presence: PresenceMessage['documents'];
}

/**
 * The meeting's documents the caller may open, grouped, each marked 只读 where it is and with
 * the people who have it open now.
 */
export function DocumentList({ meeting, userId, presence }: DocumentListProps) {
  const { t } = useI18n();
  const groups = groupDocuments(meeting.documents, userId);
  const heading = (group: DocumentGroup): MessageKey =>
    group.kind === 'collective'
      ? `documents.group.collective.${meeting.kind}`
      : `documents.group.${group.kind}`;
  const nameOf = new Map(meeting.participants.map((p) => [p.userId, p.displayName]));

  if (groups.length === 0) {
    return <p className="document-list__empty">{t('documents.none')}</p>;
  }
  return (
    <div className="document-list" data-testid="document-list">
      {groups.map((group) => (
        <section key={group.kind} className="document-list__group" data-group={group.kind}>
          <h4 className="document-list__heading">{t(heading(group))}</h4>
          <ul className="document-list__items">
            {group.documents.map((doc) => (
              <li key={doc.name} className="document-list__item" data-document={doc.name}>
                <Link
                  href={documentPagePath(doc.name)}
                  data-testid="document-link"
                  data-document={doc.name}
                >
                  {doc.title}
                </Link>
                {doc.ownerId === userId && (
                  <Tag color="blue" variant="filled">
                    {/* Criticisms of me are written by the others. */}
                    {t(doc.kind === 'critique' ? 'documents.aboutMe' : 'documents.mine')}
                  </Tag>
                )}
                {!doc.canWrite && (
                  <Tag variant="filled" data-testid="document-read-only">
                    {t('documents.readOnly')}
                  </Tag>
                )}
                <DocumentPresenceAvatars
                  people={(presence[doc.name] ?? []).map((id) => ({
                    userId: id,
                    name: nameOf.get(id) ?? String(id),
                  }))}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
