import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../routing/Link.js';
import { documentPagePath } from '../../routing/routes.js';
import { groupDocuments, type DocumentGroup } from './documentGroups.js';
import './DocumentList.css';

interface DocumentListProps {
  meeting: MeetingDetailView;
  userId: number;
}

/** The meeting's documents the caller may open, grouped, each marked 只读 where it is. */
export function DocumentList({ meeting, userId }: DocumentListProps) {
  const { t } = useI18n();
  const groups = groupDocuments(meeting.documents, userId);
  const heading = (group: DocumentGroup): MessageKey =>
    group.kind === 'collective'
      ? `documents.group.collective.${meeting.kind}`
      : `documents.group.${group.kind}`;

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
              <li key={doc.name} className="document-list__item">
                <Link
                  href={documentPagePath(doc.name)}
                  data-testid="document-link"
                  data-document={doc.name}
                >
                  {doc.title}
                </Link>
                {doc.ownerId === userId && (
                  <span className="document-list__tag document-list__tag--mine">
                    {/* Criticisms of me are written by the others. */}
                    {t(doc.kind === 'critique' ? 'documents.aboutMe' : 'documents.mine')}
                  </span>
                )}
                {!doc.canWrite && (
                  <span
                    className="document-list__tag document-list__tag--read-only"
                    data-testid="document-read-only"
                  >
                    {t('documents.readOnly')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
