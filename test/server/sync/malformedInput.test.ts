import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';
import { awarenessMessage, syncStep1, syncUpdate } from '../../helpers/protocolMessages.js';
import { rawUpgrade, socketClosed } from '../../helpers/rawUpgrade.js';

const limits = {
  maxMessageBytes: 64 * 1024,
  maxAwarenessBytes: 4 * 1024,
  messagesPerSecond: 50,
  messageBurst: 100,
};

describe('malformed and hostile input', () => {
  let server: TestServer;
  let token: string;
  /** The meeting document under attack, which the secretary (`token`) may write. */
  let room: string;
  let a: ProviderClient;
  let b: ProviderClient;
  let round = 0;

  /** The two honest clients of the room still exchange edits, and the server still answers HTTP. */
  async function expectRoomStillSyncs(): Promise<void> {
    const mark = `第${++round}轮`;
    a.doc.getText('text').insert(0, mark);
    await waitFor(() => b.doc.getText('text').toString().includes(mark), `b to receive ${mark}`);
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  }

  async function sendAndExpectClose(message: Uint8Array | string, code: number): Promise<void> {
    const raw = await openRawSocket(`${server.syncUrl}/${room}?token=${token}`);
    raw.ws.send(message);
    expect((await raw.closed).code).toBe(code);
    await expectRoomStillSyncs();
  }

  beforeAll(async () => {
    server = await startTestServer({
      syncLimits: { ...limits } as TestServer['config']['syncLimits'],
    });
    await adminToken(server);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    token = meeting.token;
    room = meeting.documentName('minutes');
    a = connectProvider(server.syncUrl, room, token);
    b = connectProvider(server.syncUrl, room, token);
    await Promise.all([waitForSynced(a), waitForSynced(b)]);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('closes a connection that sends an invalid frame (reserved bits set)', async () => {
    const socket = await rawUpgrade(`${server.syncUrl}/${room}?token=${token}`);
    // FIN + RSV1..3 + binary opcode, masked, 1-byte payload.
    socket.write(Buffer.from([0xf2, 0x81, 1, 2, 3, 4, 0x55]));
    await socketClosed(socket);
    await expectRoomStillSyncs();
  });

  it('survives random bytes', async () => {
    for (let i = 0; i < 50; i++) {
      const raw = await openRawSocket(`${server.syncUrl}/${room}?token=${token}`);
      raw.ws.send(randomBytes(1 + ((i * 37) % 300)));
      raw.ws.close();
      await raw.closed;
    }
    await expectRoomStillSyncs();
  });

  it('closes with 4422 on truncated varints, unknown types and undecodable payloads', async () => {
    await sendAndExpectClose(new Uint8Array([0x80]), CloseCode.malformedMessage);
    await sendAndExpectClose(new Uint8Array([0x00, 0x02, 0xff, 0xff]), CloseCode.malformedMessage);
    await sendAndExpectClose(new Uint8Array([0x07, 0x00]), CloseCode.malformedMessage);
    await sendAndExpectClose(new Uint8Array([0x00, 0x09, 0x00]), CloseCode.malformedMessage);
    await sendAndExpectClose(
      syncUpdate(new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x05])),
      CloseCode.malformedMessage,
    );
    await sendAndExpectClose(syncStep1().subarray(0, 2), CloseCode.malformedMessage);
    await sendAndExpectClose(
      awarenessMessage(new TextEncoder().encode('not awareness')),
      CloseCode.malformedMessage,
    );
    await sendAndExpectClose('a text frame', CloseCode.malformedMessage);
  });

  it('closes with 1009 on a message over the size limit', async () => {
    await sendAndExpectClose(
      syncUpdate(new Uint8Array(limits.maxMessageBytes + 10)),
      CloseCode.messageTooBig,
    );
  });

  it('closes with 4413 on a huge awareness state', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client
    encoding.writeVarUint(encoder, 424242); // its id
    encoding.writeVarUint(encoder, 1); // clock
    encoding.writeVarString(encoder, JSON.stringify({ user: { name: 'x'.repeat(10_000) } }));
    await sendAndExpectClose(
      awarenessMessage(encoding.toUint8Array(encoder)),
      CloseCode.awarenessTooLarge,
    );
    expect(a.provider.awareness.getStates().has(424242)).toBe(false);
  });

  it('closes with 4529 (retry later) on a flood of messages', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/${room}?token=${token}`);
    for (let i = 0; i < limits.messageBurst * 3; i++) raw.ws.send(syncStep1());
    expect((await raw.closed).code).toBe(CloseCode.rateLimited);
    await expectRoomStillSyncs();
  });

  it('closes with 4400 on an invalid document name', async () => {
    for (const name of ['..%2Fetc', 'a//b', '%E0%A4%A', 'x'.repeat(300)]) {
      const raw = await openRawSocket(`${server.syncUrl}/${name}`);
      expect((await raw.closed).code).toBe(CloseCode.badDocumentName);
    }
    await expectRoomStillSyncs();
  });

  it('refuses upgrades outside /yjs/ and /socket.io/', async () => {
    await expect(openRawSocket(`${server.url.replace('http', 'ws')}/elsewhere`)).rejects.toThrow(
      /404/,
    );
    await expectRoomStillSyncs();
  });
});
