import { useEffect, useMemo } from 'react';
import type { DocumentSession } from '../../collab/documentSession.js';
import { useConnectionState } from '../../collab/useConnectionState.js';
import { useDocumentSession } from '../../collab/useDocumentSession.js';
import { usePeers } from '../../collab/usePeers.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { displayName, type Identity } from '../identity/identity.js';
import { CollaborativeEditor } from './CollaborativeEditor.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { PeerList } from './PeerList.js';
import './DocumentPage.css';

interface DocumentPageProps {
  documentName: string;
  identity: Identity;
}

/** `/doc/<documentName>`: one shared document, its connection state and who else is in it. */
export function DocumentPage({ documentName, identity }: DocumentPageProps) {
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
      {session && <OpenDocument session={session} identity={identity} />}
    </div>
  );
}

// Split out so that the hooks below always have a live provider to subscribe to.
function OpenDocument({ session, identity }: { session: DocumentSession; identity: Identity }) {
  const { t } = useI18n();
  const connection = useConnectionState(session.provider);
  const peers = usePeers(session.provider);
  // Stable across renders: a new object would re-announce the user to everyone on every render.
  const name = displayName(identity);
  const user = useMemo(() => ({ name, color: identity.color }), [name, identity.color]);
  return (
    <>
      <div className="document-page__presence">
        <ConnectionStatus state={connection} />
        <PeerList self={user} peers={peers} />
      </div>
      <CollaborativeEditor
        ydoc={session.ydoc}
        provider={session.provider}
        user={user}
        label={t('document.editorLabel', { name: session.documentName })}
      />
    </>
  );
}
