import { useEffect } from 'react';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import type { DocumentSession } from '../../collab/documentSession.js';
import { useConnectionState } from '../../collab/useConnectionState.js';
import { useDocumentSession } from '../../collab/useDocumentSession.js';
import { usePeers } from '../../collab/usePeers.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import type { Identity } from '../identity/identity.js';
import { CollaborativeEditor } from './CollaborativeEditor.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { PeerList } from './PeerList.js';
import './DocumentPage.css';

interface DocumentPageProps {
  documentName: string;
  identity: Identity;
  /** The sync server refused the session: it ended (signed out elsewhere, or expired). */
  onSessionLost(): void;
}

/** `/doc/<documentName>`: one shared document, its connection state and who else is in it. */
export function DocumentPage({ documentName, identity, onSessionLost }: DocumentPageProps) {
  const { t } = useI18n();
  const session = useDocumentSession(documentName);

  useEffect(() => {
    document.title = `${documentName} · ${t('app.title')}`;
  }, [documentName, t]);

  return (
    <div className="document-page">
      <div className="document-page__bar">
        <Link className="document-page__back" href="/">
          ← {t('document.back')}
        </Link>
        <h1 className="document-page__name" title={documentName}>
          {documentName}
        </h1>
      </div>
      {session && (
        <OpenDocument session={session} identity={identity} onSessionLost={onSessionLost} />
      )}
    </div>
  );
}

// Split out so that the hooks below always have a live provider to subscribe to.
function OpenDocument({
  session,
  identity,
  onSessionLost,
}: Omit<DocumentPageProps, 'documentName'> & { session: DocumentSession }) {
  const { t } = useI18n();
  const connection = useConnectionState(session.provider);
  const peers = usePeers(session.provider);
  const sessionLost = connection.closeCode === CloseCode.unauthenticated;

  useEffect(() => {
    if (sessionLost) onSessionLost();
  }, [sessionLost, onSessionLost]);

  return (
    <>
      <div className="document-page__presence">
        <ConnectionStatus state={connection} />
        <PeerList self={identity} peers={peers} />
      </div>
      <CollaborativeEditor
        ydoc={session.ydoc}
        provider={session.provider}
        user={identity}
        label={t('document.editorLabel', { name: session.documentName })}
      />
    </>
  );
}
