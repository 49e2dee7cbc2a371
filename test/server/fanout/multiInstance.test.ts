import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startCluster, type TestCluster } from '../../helpers/startCluster.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

describe('three instances sharing PostgreSQL and Redis', () => {
  let cluster: TestCluster;
  let fixture: MeetingFixture;
  const clients: ProviderClient[] = [];
  const watchers: MeetingClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3, 'fanout');
    fixture = await createMeetingFixture(cluster.servers[0]!, NEW_ADMIN_PASSWORD, {
      statuses: ['open', 'in-progress'],
    });
  });
  // Each test's clients go when it ends (y-websocket holds a process listener per provider).
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    for (const w of watchers.splice(0)) w.close();
  });
  afterAll(() => cluster.close());

  const doc = (rest: string): string => `m/${fixture.meeting.id}/${rest}`;
  const server = (i: number) => cluster.servers[i]!;
  const connect = (i: number, name: string, token: string): ProviderClient => {
    const client = connectProvider(server(i).syncUrl, name, token);
    clients.push(client);
    return client;
  };
  const watch = async (i: number, token: string): Promise<MeetingClient> => {
    const watcher = await connectMeetingClient(server(i), token);
    watchers.push(watcher);
    const joined = await watcher.join(fixture.meeting.id);
    if (!joined.ok) throw new Error(joined.error.code);
    return watcher;
  };

  it('clients spread over the instances converge on every document, presence included', async () => {
    const { secretary, recorder, member } = fixture.people;
    // Minutes are the host's and the recorder's to write.
    for (const [name, writers] of [
      [doc('collective'), [secretary!, recorder!, member!]],
      [doc('minutes'), [secretary!, recorder!, secretary!]],
    ] as const) {
      const editors = writers.map((person, i) => connect(i, name, person.token));
      await Promise.all(editors.map((c) => waitForSynced(c)));
      // Everyone types at once, each on their own instance, a few times over.
      for (let round = 0; round < 5; round++) {
        editors.forEach((c, i) => c.doc.getText('t').insert(0, `[${i}.${round}]`));
        await new Promise((r) => setTimeout(r, 5));
      }
      const text = (c: ProviderClient) => c.doc.getText('t').toString();
      await waitFor(
        () => editors.every((c) => text(c).length === 3 * 5 * 5 && text(c) === text(editors[0]!)),
        `every editor of ${name} to hold all 15 edits`,
      );
      // What they converged on is what is stored.
      await waitFor(
        async () =>
          (await storedDocument(server(0), name)).getText('t').toString() === text(editors[0]!),
        `${name} to be stored`,
      );
      // A caret set on the first instance is seen on the third.
      editors[0]!.provider.awareness.setLocalStateField('user', { name: writers[0]!.displayName });
      const id = editors[0]!.doc.clientID;
      await waitFor(
        () =>
          (editors[2]!.provider.awareness.getStates().get(id) as { user?: { name: string } })?.user
            ?.name === writers[0]!.displayName,
        'the first editor’s presence on the third instance',
      );
    }
  });

  it('a document opened late on an instance holds what the others wrote', async () => {
    const name = doc(`self/${fixture.people.deputy!.id}`);
    const first = connect(0, name, fixture.people.deputy!.token);
    await waitForSynced(first);
    first.doc.getText('t').insert(0, '第一台写的');
    const late = connect(2, name, fixture.people.deputy!.token);
    await waitForSynced(late);
    await waitFor(() => late.doc.getText('t').toString() === '第一台写的', 'the late reader');
    late.doc.getText('t').insert(0, '第三台补充；');
    await waitFor(
      () => first.doc.getText('t').toString() === '第三台补充；第一台写的',
      'the addition back on the first instance',
    );
  });

  it('the moderation state is one across instances, whichever instance takes a command', async () => {
    const host = await watch(0, fixture.people.secretary!.token);
    const member = await watch(1, fixture.people.member!.token);
    const recorder = await watch(2, fixture.people.recorder!.token);
    const id = fixture.meeting.id;
    const ok = async (client: MeetingClient, command: unknown): Promise<number> => {
      const ack = await client.command(id, command);
      if (!ack.ok) throw new Error(`${JSON.stringify(command)}: ${ack.error.code}`);
      return ack.version;
    };
    await ok(host, { type: 'startPhase', phaseId: 'p4' });
    await ok(recorder, { type: 'startSpeech' });
    // Two instances take a command each at the same moment: both apply, one after the other.
    const versions = await Promise.all([
      ok(member, { type: 'raiseHand', purpose: 'speak' }),
      ok(recorder, { type: 'endSpeech' }),
    ]);
    expect(new Set(versions).size).toBe(2);
    const last = Math.max(...versions);
    const latest = (w: MeetingClient) => w.states.at(-1)?.state;
    await waitFor(
      () => [host, member, recorder].every((w) => latest(w)?.version === last),
      'every watcher to see the last version',
    );
    expect(latest(member)).toEqual(latest(host));
    expect(latest(recorder)).toEqual(latest(host));
    expect(latest(host)?.current).toBeNull();
    expect(latest(host)?.hands.map((h) => h.userId)).toEqual([fixture.people.member!.id]);
  });

  it('a sign-out on one instance closes that session’s sockets on the others', async () => {
    const person = fixture.people.deputy!;
    const token = (
      await api<{ token: string }>(server(0), 'POST', '/api/auth/login', {
        body: { username: person.username, password: 'Fixture-Pass-2026' },
      })
    ).body.token;
    const editor = connect(1, doc(`self/${person.id}`), token);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await waitForSynced(editor);
    const watcher = await watch(2, token);
    let disconnected = false;
    watcher.socket.on('disconnect', () => (disconnected = true));

    const out = await api(server(0), 'POST', '/api/auth/logout', { token });
    expect(out.status).toBe(200);
    await waitFor(() => closes.includes(CloseCode.unauthenticated), 'the sync close on instance 2');
    await waitFor(() => disconnected, 'the socket.io disconnect on instance 3');
  });

  it('closing the meeting on one instance makes connections elsewhere read-only', async () => {
    const person = fixture.people.member!;
    const editor = connect(2, doc(`notes/${person.id}`), person.token);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await waitForSynced(editor);
    editor.doc.getText('t').insert(0, '会中笔记');
    await setMeetingStatus(server(1), fixture, 'closed');
    await waitFor(() => closes.includes(CloseCode.accessChanged), 'the 4205 close on instance 3');
    await waitForSynced(editor);
    editor.doc.getText('t').insert(0, '会后改动');
    // The write is dropped: the stored copy keeps what was there at closing.
    const other = connect(0, doc(`notes/${person.id}`), person.token);
    await waitForSynced(other);
    await new Promise((r) => setTimeout(r, 300));
    const stored = await storedDocument(server(0), doc(`notes/${person.id}`));
    expect(stored.getText('t').toString()).toBe('会中笔记');
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(other.doc));
  });

  it('a password change on one instance closes the user’s other sessions’ sockets on all', async () => {
    const person = fixture.people.recorder!;
    const other = (
      await api<{ token: string }>(server(0), 'POST', '/api/auth/login', {
        body: { username: person.username, password: 'Fixture-Pass-2026' },
      })
    ).body.token;
    const closes = (client: ProviderClient): number[] => {
      const codes: number[] = [];
      client.provider.on('connection-close', (event) => {
        if (event) codes.push(event.code);
      });
      return codes;
    };
    const otherEditor = connect(1, doc(`self/${person.id}`), other);
    const keptEditor = connect(1, doc(`self/${person.id}`), person.token);
    const otherCloses = closes(otherEditor);
    const keptCloses = closes(keptEditor);
    await Promise.all([waitForSynced(otherEditor), waitForSynced(keptEditor)]);
    const otherWatcher = await connectMeetingClient(server(2), other);
    const keptWatcher = await connectMeetingClient(server(2), person.token);
    watchers.push(otherWatcher, keptWatcher);

    const changed = await api(server(0), 'POST', '/api/auth/password', {
      token: person.token,
      body: { oldPassword: 'Fixture-Pass-2026', newPassword: 'Neu-Fuer-Alle-2026' },
    });
    expect(changed.status).toBe(200);
    await waitFor(() => otherCloses.includes(CloseCode.unauthenticated), 'the sync close');
    await waitFor(() => otherWatcher.socket.disconnected, 'the socket.io disconnect');
    expect((await api(server(1), 'GET', '/api/auth/me', { token: other })).status).toBe(401);
    expect((await api(server(1), 'GET', '/api/auth/me', { token: person.token })).status).toBe(200);
    expect(keptCloses).toEqual([]);
    expect(keptWatcher.socket.connected).toBe(true);
  });
});
