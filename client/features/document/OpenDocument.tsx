import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { reportSessionLost } from '../../api/sessionLost.js';
import { useAccessChanged } from '../../collab/useAccessChanged.js';
import { useConnectionState } from '../../collab/useConnectionState.js';
import { useDocumentSession } from '../../collab/useDocumentSession.js';
import { usePeers } from '../../collab/usePeers.js';
import type { DocumentSession } from '../../collab/documentSession.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { Identity } from '../identity/identity.js';
import { CollaborativeEditor } from './CollaborativeEditor.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { PeerList } from './PeerList.js';

interface OpenDocumentProps {
  documentName: string;
  title: string;
  canWrite: boolean;
  identity: Identity;
  /** The signed-in account, whose copy of the document this browser keeps. */
  userId: number;
  /** The server closed with 4205: the caller's rights changed, so ask for them again. */
  onAccessChanged(): void;
  /** The server refused the document for good (4403, 4404). */
  onRefused(): void;
  /** Hears the editor once it is up, for the page's actions on the selection. */
  onEditor?(editor: Editor | null): void;
}

/** The document's sync session with its editor, connection state and who else is in it. */
export function OpenDocument({ documentName, userId, ...rest }: OpenDocumentProps) {
  const session = useDocumentSession(documentName, userId);
  return session ? <LiveDocument session={session} {...rest} /> : null;
}

// Split out so that the hooks below always have a live provider to subscribe to.
function LiveDocument({
  session,
  title,
  canWrite,
  identity,
  onAccessChanged,
  onRefused,
  onEditor,
}: Omit<OpenDocumentProps, 'documentName' | 'userId'> & { session: DocumentSession }) {
  const { t } = useI18n();
  const connection = useConnectionState(session.sync, canWrite);
  const peers = usePeers(session.provider);
  useAccessChanged(session.provider, onAccessChanged);
  const { closeCode } = connection;

  useEffect(() => {
    // Signed out elsewhere or expired: the session keeper finds out and shows sign-in.
    if (closeCode === CloseCode.unauthenticated) reportSessionLost();
    if (closeCode === CloseCode.forbidden || closeCode === CloseCode.unknownDocument) onRefused();
  }, [closeCode, onRefused]);

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
        label={t('document.editorLabel', { name: title })}
        editable={canWrite}
        onEditor={onEditor}
      />
    </>
  );
}
