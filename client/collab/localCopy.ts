/**
 * Names of the IndexedDB databases that keep documents in this browser (one per document, as
 * y-indexeddb wants). The server origin is part of the name although IndexedDB is per origin
 * already, so that a copy never follows the app to another address behind the same proxy; the
 * user is part of it so that two accounts on one browser never see or merge each other's copy.
 */
export function localCopyName(
  userId: number,
  documentName: string,
  origin: string = location.origin,
): string {
  return `${localCopyPrefix(userId, origin)}${documentName}`;
}

/** Every copy of `userId` starts with this; the trailing `/` keeps user 1 apart from user 12. */
function localCopyPrefix(userId: number, origin: string): string {
  return `shenghuohui/${origin}/u${userId}/`;
}

/**
 * Deletes every document copy `userId` keeps in this browser. A copy still open (the document
 * page being torn down on sign-out) is deleted as soon as it is closed: IndexedDB queues the
 * deletion behind open connections, so this may resolve only after the page has unmounted.
 */
export async function forgetLocalCopies(userId: number): Promise<void> {
  // `databases()` is missing in old browsers; those keep the copies until storage is cleared.
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = localCopyPrefix(userId, location.origin);
  const databases = await indexedDB.databases();
  const names = databases.flatMap(({ name }) => (name?.startsWith(prefix) ? [name] : []));
  await Promise.all(names.map(deleteDatabase));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // A failure leaves the copy behind; nothing better can be done from a sign-out.
    request.onsuccess = request.onerror = () => resolve();
  });
}
