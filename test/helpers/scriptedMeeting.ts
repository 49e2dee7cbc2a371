import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type { RectificationView } from '../../shared/rectifications/rectificationViews.js';
import { api, type ServerAddress } from './apiClient.js';
import { createMeetingFixture, STANDARD_CAST, type MeetingFixture } from './meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from './meetingSockets.js';
import { storedDocument, type StorageOf } from './storedDocument.js';
import { connectProvider, waitFor, waitForSynced, type ProviderClient } from './syncClients.js';

/** What the recorder types under each speech's heading, by a part of that heading. */
export const SPEECH_NOTES: readonly (readonly [heading: string, note: string])[] = [
  ['王书记 作个人对照检查', '王书记从理论学习、担当作为两个方面查摆了问题。'],
  ['李记录 对 王书记 的批评意见', '李记录指出：调研多在机关，到基层一线少。'],
  ['张党员 对 王书记 的批评意见', '张党员指出：对**局的整改督促不够。'],
  ['王书记 表态发言', '王书记表示诚恳接受，逐条整改。'],
  ['孙督导 点评', '孙督导认为会议质量较高，批评有辣味。'],
  ['王书记 主持人总结', '王书记要求抓好整改落实。'],
];

export const LEAVE_REASON = '赴省委党校学习';

/** The collective material: problems by aspect, causes, measures, as the branch writes them. */
export const COLLECTIVE_TEXT: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: '一、存在的主要问题' }],
    },
    {
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: '（一）理论学习方面' }],
    },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: '一是学习不够系统。二是联系实际不够。' }],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '二、原因剖析' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '理想信念的总开关拧得还不够紧。' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '三、整改措施' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '一要坚持每月集中学习一次。' }] },
  ],
};

export interface ScriptedMeeting {
  fixture: MeetingFixture;
  meetingId: number;
  state: MeetingState;
  items: RectificationView[];
}

/** The standard cast, with 赵副书记 on leave: three participants present. */
const CAST = STANDARD_CAST;

async function commands(host: MeetingClient, meetingId: number, list: object[]): Promise<void> {
  for (const command of list) {
    const ack = await host.command(meetingId, command);
    if (!ack.ok) throw new Error(`${JSON.stringify(command)}: ${ack.error.code}`);
  }
}

/** Types `text` into the empty paragraph the server wrote below the heading containing `heading`. */
async function typeUnder(client: ProviderClient, heading: string, text: string): Promise<void> {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const headingIndex = (): number =>
    fragment
      .toArray()
      .findIndex(
        (n) =>
          n instanceof Y.XmlElement && n.nodeName === 'heading' && n.toString().includes(heading),
      );
  await waitFor(() => headingIndex() !== -1, `the heading ${heading}`);
  const paragraph = fragment.get(headingIndex() + 1);
  if (!(paragraph instanceof Y.XmlElement) || paragraph.length !== 0) {
    throw new Error(`no empty paragraph under ${heading}`);
  }
  client.doc.transact(() => paragraph.insert(0, [new Y.XmlText(text)]));
}

/**
 * A 民主生活会 run over real sockets: attendance with one member on leave, the secretary's
 * self-criticism, two criticisms of them and their response, the supervisor's comment and the
 * host's summary, each written up in the minutes by the recorder over y-websocket; the
 * collective material written; two rectification items recorded over REST.
 */
export async function runScriptedMeeting(
  server: ServerAddress & StorageOf & { syncUrl: string },
  adminPassword: string,
): Promise<ScriptedMeeting> {
  const fixture = await createMeetingFixture(server, adminPassword, {
    cast: CAST,
    prefix: 'exp',
    title: '2024年度民主生活会',
    statuses: ['open', 'in-progress'],
  });
  const meetingId = fixture.meeting.id;
  const p = fixture.people;
  const host = await connectMeetingClient(server, p.secretary!.token);
  const minutes = connectProvider(server.syncUrl, `m/${meetingId}/minutes`, p.recorder!.token);
  const collective = connectProvider(
    server.syncUrl,
    `m/${meetingId}/collective`,
    p.secretary!.token,
  );
  try {
    const joined = await host.join(meetingId);
    if (!joined.ok) throw new Error(joined.error.code);
    const phase = (kind: string) => joined.state.phases.find((ph) => ph.kind === kind)!.id;
    await commands(host, meetingId, [
      ...['secretary', 'recorder', 'member'].map((k) => ({
        type: 'setAttendance',
        userId: p[k]!.id,
        status: 'present',
      })),
      { type: 'setAttendance', userId: p.deputy!.id, status: 'leave', reason: LEAVE_REASON },
    ]);
    await Promise.all([waitForSynced(minutes), waitForSynced(collective)]);
    const schema = getSchema(documentExtensions());
    collective.doc.transact(() =>
      prosemirrorToYXmlFragment(
        schema.nodeFromJSON(COLLECTIVE_TEXT),
        collective.doc.getXmlFragment(DOCUMENT_FIELD),
      ),
    );

    // The secretary's round only: self-criticism, 李记录's and 张党员's criticism, the response.
    const script: [phase: string | null, count: number][] = [
      [phase('criticism-round'), 4],
      [phase('supervisor-comments'), 1],
      [phase('summary'), 1],
    ];
    let note = 0;
    for (const [phaseId, count] of script) {
      await commands(host, meetingId, [{ type: 'startPhase', phaseId }]);
      for (let i = 0; i < count; i++) {
        await commands(host, meetingId, [{ type: 'startSpeech' }]);
        const [heading, text] = SPEECH_NOTES[note++]!;
        await typeUnder(minutes, heading, text);
        // Stored before the next heading is written, as a recorder's typing would be.
        await waitFor(
          async () =>
            (await storedDocument(server, `m/${meetingId}/minutes`))
              .getXmlFragment(DOCUMENT_FIELD)
              .toString()
              .includes(text),
          `the note under ${heading}`,
        );
        await commands(host, meetingId, [{ type: 'endSpeech' }]);
      }
    }
    // What the server stored is what it exports.
    await waitFor(async () => {
      const [m, c] = await Promise.all([
        storedDocument(server, `m/${meetingId}/minutes`),
        storedDocument(server, `m/${meetingId}/collective`),
      ]);
      const text = m.getXmlFragment(DOCUMENT_FIELD).toString();
      return (
        SPEECH_NOTES.every(([, n]) => text.includes(n)) &&
        c.getXmlFragment(DOCUMENT_FIELD).toString().includes('理想信念')
      );
    }, 'the minutes and the material stored');

    const items: RectificationView[] = [];
    for (const body of [
      {
        source: 'mutual-criticism',
        aspect: '担当作为',
        problem: '调研多在机关，到基层一线少',
        measures: '每季度到基层蹲点调研不少于一周',
        ownerUserId: p.secretary!.id,
        deadline: '2025-06-30',
      },
      {
        source: 'self-check',
        aspect: '理论学习',
        problem: '学习不够系统',
        measures: '坚持每月集中学习一次',
        ownerUserId: p.member!.id,
        longTerm: true,
      },
    ]) {
      const res = await api<{ rectification: RectificationView }>(
        server,
        'POST',
        `/api/meetings/${meetingId}/rectifications`,
        { token: p.recorder!.token, body },
      );
      if (res.status !== 201) throw new Error(`rectification: ${JSON.stringify(res.body)}`);
      items.push(res.body.rectification);
    }
    const final = await host.join(meetingId);
    if (!final.ok) throw new Error(final.error.code);
    return { fixture, meetingId, state: final.state, items };
  } finally {
    host.close();
    minutes.destroy();
    collective.destroy();
  }
}
