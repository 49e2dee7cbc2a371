import { useEffect, useState } from 'react';
import { openDocumentSession, type DocumentSession } from './documentSession.js';

/**
 * One session per mounted document, destroyed on unmount or when the name changes. Created in an
 * effect (not during render) so React's StrictMode double-mount cannot leak a second socket.
 * `userId` names the browser's copy, which belongs to the signed-in account.
 */
export function useDocumentSession(documentName: string, userId: number): DocumentSession | null {
  const [session, setSession] = useState<DocumentSession | null>(null);
  useEffect(() => {
    const opened = openDocumentSession(documentName, userId);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [documentName, userId]);
  // Never hand out the previous document's session during the render that switches names.
  return session?.documentName === documentName ? session : null;
}
