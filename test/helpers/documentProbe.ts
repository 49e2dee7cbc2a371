import { syncStep1, syncUpdate, textInsertUpdate } from './protocolMessages.js';
import type { TestServer } from './startTestServer.js';
import { storedDocument } from './storedDocument.js';
import { openRawSocket, waitFor } from './syncClients.js';

/**
 * Opens the document as `token`, sends an edit carrying `mark`, and asks for the server's
 * state: its reply comes only once everything before it is stored. Resolves with 'admitted'
 * or the close code the server refused with.
 */
export async function probeDocument(
  server: TestServer,
  name: string,
  token: string,
  mark: string,
): Promise<'admitted' | number> {
  const raw = await openRawSocket(`${server.syncUrl}/${name}?token=${token}`);
  raw.ws.send(syncUpdate(textInsertUpdate(`[${mark}]`, 'probe')));
  raw.ws.send(syncStep1());
  const replied = (): boolean => raw.messages.some((m) => m[0] === 0 && m[1] === 1);
  const result = await Promise.race([
    raw.closed.then(({ code }) => code),
    waitFor(replied, `the reply on ${name}`).then(() => 'admitted' as const),
  ]);
  raw.ws.close();
  await raw.closed;
  return result;
}

/** The marks of every probe stored in the document so far. */
export const storedProbes = async (server: TestServer, name: string): Promise<string> =>
  (await storedDocument(server, name)).getText('probe').toString();
