import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../../shared/editor/documentExtensions.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import type {
  RectificationDetailView,
  RectificationMessage,
} from '../../../shared/rectifications/rectificationViews.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  STANDARD_CAST,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { resolveAnchor } from '../../../server/rectifications/resolveAnchor.js';
import { connectMeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

type Answer = { rectification: RectificationDetailView; error?: { code: string } };

const encode = (position: Y.RelativePosition): string =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

describe('an item’s text link follows the document as people keep typing', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let writer: ProviderClient;
  let reader: ProviderClient;
  let first: Y.XmlText;
  let second: Y.XmlText;
  let secondParagraph: Y.XmlElement;
  let document = '';

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      statuses: ['open'],
      // A 支委 with no part in this meeting: reads its items (the branch ledger), not its documents.
      cast: [
        ...STANDARD_CAST,
        { key: 'committee', displayName: '陈支委', branchRole: 'committee', meetingRoles: [] },
      ],
    });
    document = `m/${fixture.meeting.id}/self/${fixture.people.member!.id}`;
    writer = connectProvider(server.syncUrl, document, fixture.people.member!.token);
    // Someone else reading along: what reaches them has been stored (durability before broadcast).
    reader = connectProvider(server.syncUrl, document, fixture.people.secretary!.token);
    await Promise.all([waitForSynced(writer), waitForSynced(reader)]);
    const p1 = new Y.XmlElement('paragraph');
    secondParagraph = new Y.XmlElement('paragraph');
    first = new Y.XmlText();
    second = new Y.XmlText();
    writer.doc.transact(() => {
      writer.doc.getXmlFragment(DOCUMENT_FIELD).push([p1, secondParagraph]);
      p1.insert(0, [first]);
      secondParagraph.insert(0, [second]);
      first.insert(0, '甲乙丙丁戊');
      second.insert(0, '子丑寅卯');
    });
    await stored();
  });
  afterAll(async () => {
    writer.destroy();
    reader.destroy();
    await server.close();
  });

  /**
   * Resolves once the reader has everything the writer has (deletions too, which a state
   * vector does not show), so the server has stored it.
   */
  const stored = () =>
    waitFor(
      () =>
        reader.doc.getXmlFragment(DOCUMENT_FIELD).toString() ===
          writer.doc.getXmlFragment(DOCUMENT_FIELD).toString() &&
        Buffer.from(Y.encodeStateVector(reader.doc)).equals(
          Buffer.from(Y.encodeStateVector(writer.doc)),
        ),
      'the reader to catch up',
    );
  const as = (key: string, method: string, route: string, body?: unknown) =>
    api<Answer>(server, method, route, { token: fixture.people[key]!.token, body });
  const link = async (
    start: Y.RelativePosition,
    end: Y.RelativePosition,
    quote: string,
  ): Promise<number> => {
    const res = await as('recorder', 'POST', `/api/meetings/${fixture.meeting.id}/rectifications`, {
      source: 'self-check',
      problem: quote,
      ownerUserId: fixture.people.member!.id,
      anchor: { document, start: encode(start), end: encode(end), quote },
    });
    expect(res.status).toBe(201);
    return res.body.rectification.id;
  };
  const anchorOf = async (id: number) =>
    (await as('member', 'GET', `/api/rectifications/${id}`)).body.rectification.anchor;

  let phrase = 0;
  let across = 0;

  it('reads the phrase it was made on', async () => {
    // 乙丙丁: from 乙 (sticking to it) to after 丁 (sticking to 丁, assoc -1).
    phrase = await link(
      Y.createRelativePositionFromTypeIndex(first, 1),
      Y.createRelativePositionFromTypeIndex(first, 4, -1),
      '乙丙丁',
    );
    expect(await anchorOf(phrase)).toEqual({ document, quote: '乙丙丁', current: '乙丙丁' });
  });

  it('keeps typing at its edges out and typing inside it in', async () => {
    first.insert(1, '前'); // 甲前乙丙丁戊: right before the phrase
    first.insert(5, '后'); // 甲前乙丙丁后戊: right after it
    first.insert(3, '中'); // 甲前乙中丙丁后戊: inside it
    first.delete(0, 1); // 前乙中丙丁后戊: a neighbour deleted
    first.delete(first.length - 1, 1); // 前乙中丙丁后
    await stored();
    expect(first.toString()).toBe('前乙中丙丁后');
    expect(await anchorOf(phrase)).toEqual({ document, quote: '乙丙丁', current: '乙中丙丁' });
  });

  it('collects a range over two paragraphs in document order', async () => {
    // From 丁 in the first paragraph to after 丑 in the second.
    across = await link(
      Y.createRelativePositionFromTypeIndex(first, 4),
      Y.createRelativePositionFromTypeIndex(second, 2, -1),
      '丁后子丑',
    );
    expect((await anchorOf(across))?.current).toBe('丁后\n子丑');
    second.insert(0, '新');
    second.insert(3, '尾'); // 新子丑尾寅卯: after the end
    await stored();
    expect((await anchorOf(across))?.current).toBe('丁后\n新子丑');
  });

  it('shrinks when its own text is deleted, and gives up when its paragraph is gone', async () => {
    first.delete(3, 2); // 前乙中后: 丙丁 deleted
    await stored();
    expect((await anchorOf(phrase))?.current).toBe('乙中');
    writer.doc
      .getXmlFragment(DOCUMENT_FIELD)
      .delete(writer.doc.getXmlFragment(DOCUMENT_FIELD).toArray().indexOf(secondParagraph), 1);
    await stored();
    // The quote stays for display; the range no longer resolves.
    expect(await anchorOf(across)).toEqual({ document, quote: '丁后子丑', current: null });
  });

  it('shows the text now only to those who may read the document', async () => {
    // Whoever watches the meeting hears of the item, without the text.
    const watcher = await connectMeetingClient(server, fixture.people.attendee!.token);
    const events: RectificationMessage[] = [];
    const joined = await watcher.join(fixture.meeting.id);
    if (!joined.ok) throw new Error(joined.error.code);
    watcher.socket.on(MeetingEvent.rectification, (m: RectificationMessage) => events.push(m));
    const id = await link(
      Y.createRelativePositionFromTypeIndex(first, 0),
      Y.createRelativePositionFromTypeIndex(first, 2, -1),
      '前乙',
    );
    first.insert(1, '秘');
    await stored();
    const anchor = { document, quote: '前乙', current: '前秘乙' };
    expect(
      (await as('secretary', 'GET', `/api/rectifications/${id}`)).body.rectification.anchor,
    ).toEqual(anchor);

    // The committee member may read the items and is refused the document itself.
    const refused = await openRawSocket(
      `${server.syncUrl}/${document}?token=${fixture.people.committee!.token}`,
    );
    const closed = await refused.closed;
    expect([CloseCode.forbidden, CloseCode.unknownDocument]).toContain(closed.code);
    const hidden = { document, quote: '前乙', current: null };
    await waitFor(() => events.some((m) => m.rectification.id === id), 'the item’s event');
    watcher.close();
    for (const m of events) expect(m.rectification.anchor?.current ?? null).toBeNull();
    const item = await as('committee', 'GET', `/api/rectifications/${id}`);
    expect(item.status).toBe(200);
    expect(item.body.rectification.anchor).toEqual(hidden);
    const listed = await api<{ items: RectificationDetailView[] }>(
      server,
      'GET',
      `/api/meetings/${fixture.meeting.id}/rectifications`,
      { token: fixture.people.committee!.token },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((r) => r.id === id)?.anchor).toEqual(hidden);
    const ledger = await api<{ items: RectificationDetailView[] }>(
      server,
      'GET',
      `/api/branches/${fixture.branchId}/rectifications`,
      { token: fixture.people.committee!.token },
    );
    expect(ledger.status).toBe(200);
    const rows = ledger.body.items.filter((r) => r.anchor !== null);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.anchor?.current).toBeNull();
  });

  it('refuses a link into private notes or with positions that are not positions', async () => {
    const body = (anchor: object) => ({
      source: 'self-check',
      problem: '问题',
      ownerUserId: fixture.people.member!.id,
      anchor: { document, start: 'AAAA', end: 'AAAA', quote: '', ...anchor },
    });
    const route = `/api/meetings/${fixture.meeting.id}/rectifications`;
    const notes = `m/${fixture.meeting.id}/notes/${fixture.people.recorder!.id}`;
    const refused = async (anchor: object) => {
      const res = await as('recorder', 'POST', route, body(anchor));
      return `${res.status} ${res.body.error?.code}`;
    };
    const start = encode(Y.createRelativePositionFromTypeIndex(first, 0));
    expect(await refused({ document: notes, start, end: start })).toBe('400 invalid_document');
    expect(await refused({ start: 'not base64!' })).toBe('400 invalid_request');
  });

  it('reads a link at the bottom of a tree 20,000 blocks deep', () => {
    const doc = new Y.Doc();
    const text = new Y.XmlText('最深处');
    doc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(DOCUMENT_FIELD);
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [text]);
    });
    const anchor = {
      start: encode(Y.createRelativePositionFromTypeIndex(text, 1)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, 3, -1)),
    };
    expect(resolveAnchor(Y.encodeStateAsUpdate(doc), anchor)).toBe('深处');
  });
});
