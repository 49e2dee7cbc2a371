import { documentTitle } from '../../shared/meetings/meetingDocuments.js';
import type { SpeechKind } from '../../shared/moderation/moderationSchemas.js';
import type { ExportBlock, ExportDocument } from './exportBlocks.js';
import {
  attendanceFacts,
  BLANK,
  listOrNone,
  meetingDay,
  nameOf,
  namesWithRole,
  sectionNumber,
  subsectionNumber,
} from './meetingFacts.js';
import type { MeetingRecord } from './MeetingRecordReader.js';
import { outlineOf, sectionsOfKind } from './outlineBlocks.js';

const paragraph = (text: string): ExportBlock => ({ type: 'paragraph', inlines: [{ text }] });

/** An empty line, as GB/T 9704 leaves before the attachments and the signature. */
const BLANK_LINE: ExportBlock = { type: 'paragraph', inlines: [{ text: '' }], indent: false };

/**
 * 附件：1.… with each further name under the first (GB/T 9704 7.3.3): the ideographic spaces
 * stand for the width of 附件：, which Markdown keeps too.
 */
function attachments(collectiveTitle: string, selfMaterials: number): ExportBlock[] {
  const names = [collectiveTitle, `个人对照检查材料（${selfMaterials}份）`, '会议记录', '整改台账'];
  return names.map((name, i) =>
    paragraph(`${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${i + 1}.${name}`),
  );
}

/** How many speeches of each kind the log holds. */
export interface SpeechCounts {
  total: number;
  selfCriticisms: number;
  criticisms: number;
  responses: number;
  /** Per participant, in the roster's order. */
  perPerson: {
    name: string;
    selfCriticisms: number;
    raised: number;
    received: number;
    responses: number;
  }[];
}

export function speechCounts(record: MeetingRecord): SpeechCounts {
  const { log, roster } = record.state;
  const count = (kind: SpeechKind, where: (s: (typeof log)[number]) => boolean = () => true) =>
    log.filter((s) => s.kind === kind && where(s)).length;
  return {
    total: log.length,
    selfCriticisms: count('self-criticism'),
    criticisms: count('criticism'),
    responses: count('response'),
    perPerson: roster
      .filter((r) => r.roles.includes('participant'))
      .map(({ userId }) => ({
        name: nameOf(record, userId),
        selfCriticisms: count('self-criticism', (s) => s.speakerId === userId),
        raised: count('criticism', (s) => s.speakerId === userId),
        received: count('criticism', (s) => s.subjectId === userId),
        responses: count('response', (s) => s.speakerId === userId),
      })),
  };
}

function basicFacts(record: MeetingRecord): ExportBlock[] {
  const a = attendanceFacts(record);
  // 赵副书记因赴省委党校学习请假
  const away = a.absentees
    .map((x) =>
      x.reason === '' ? `，${x.name}${x.status}` : `，${x.name}因${x.reason}${x.status}`,
    )
    .join('');
  const attendees = namesWithRole(record, 'attendee');
  const supervisors = namesWithRole(record, 'supervisor');
  return [
    paragraph(
      `会议由${listOrNone(namesWithRole(record, 'host'))}主持，应到${a.expected}人，实到${a.present}人${away}。` +
        (attendees.length > 0 ? `${attendees.join('、')}列席会议。` : '') +
        (supervisors.length > 0 ? `督导组${supervisors.join('、')}到会指导。` : ''),
    ),
  ];
}

/** The app keeps no record of opinions solicited or talks held: blanks for the branch to fill. */
function preparation(record: MeetingRecord, collectiveTitle: string): ExportBlock[] {
  const collectiveReady =
    record.collective !== null && outlineOf(record.collective).sections.length > 0;
  const items: [string, string][] = [
    [
      '广泛征求意见',
      `会前，通过召开座谈会、发放征求意见表等方式广泛征求意见建议，共征求到意见建议${BLANK}条，梳理归纳为${BLANK}个方面，已原汁原味反馈给相关同志。`,
    ],
    ['深入谈心谈话', `会前，开展谈心谈话${BLANK}人次，做到应谈尽谈、谈深谈透。`],
    [
      '认真撰写对照检查材料',
      `${collectiveTitle}${collectiveReady ? '经集体研究形成' : `于${BLANK}形成`}；个人对照检查材料共${record.selfMaterials}份。`,
    ],
  ];
  return items.flatMap(([heading, text], i): ExportBlock[] => [
    { type: 'heading', level: 2, text: `${subsectionNumber(i + 1)}${heading}` },
    paragraph(text),
  ]);
}

function howItWent(record: MeetingRecord): ExportBlock[] {
  const c = speechCounts(record);
  const agenda = record.state.phases.map((p) => p.title).join('、');
  return [
    paragraph(`会议按照${agenda}等议程进行。`),
    paragraph(
      `会上共发言${c.total}人次，其中个人对照检查${c.selfCriticisms}人次，提出批评意见${c.criticisms}条，表态发言${c.responses}人次；会上共梳理整改事项${record.rectifications.length}项。`,
    ),
    {
      type: 'table',
      header: ['姓名', '个人对照检查', '提出批评意见', '收到批评意见', '表态发言'],
      rows: c.perPerson.map((p) => [
        p.name,
        String(p.selfCriticisms),
        String(p.raised),
        String(p.received),
        String(p.responses),
      ]),
    },
  ];
}

/** 召开情况报告 (docs/exports.md), addressed to the superior, with its attachments. */
export function assembleReport(record: MeetingRecord): ExportDocument {
  const { meeting } = record;
  const collectiveTitle = documentTitle(record.kind, { kind: 'collective', ownerId: null }, null);
  const outline = outlineOf(record.collective);
  const fromMaterial = (blocks: ExportBlock[]): ExportBlock[] =>
    blocks.length > 0 ? blocks : [paragraph(`详见${collectiveTitle}。`)];
  const measures = sectionsOfKind(outline, 'measures');
  const sections: [string, ExportBlock[]][] = [
    ['基本情况', basicFacts(record)],
    ['会前准备情况', preparation(record, collectiveTitle)],
    ['会议召开情况', howItWent(record)],
    ['查摆的主要问题', fromMaterial(sectionsOfKind(outline, 'problems'))],
    ['问题产生的原因', fromMaterial(sectionsOfKind(outline, 'causes'))],
    [
      '下一步整改措施',
      [
        ...fromMaterial(measures),
        paragraph('整改事项逐项明确责任人和完成时限，详见附件整改台账。'),
      ],
    ],
  ];
  const theme = meeting.theme.trim() === '' ? '' : `，主题为“${meeting.theme}”`;
  const place = meeting.location ?? BLANK;
  const branch = record.branchName || BLANK;
  return {
    title: `关于召开${meeting.title}情况的报告`,
    blocks: [
      { type: 'paragraph', inlines: [{ text: `${BLANK}：` }], indent: false },
      paragraph(
        `根据${BLANK}有关要求，${branch}于${meetingDay(record)}在${place}召开${meeting.title}${theme}。现将有关情况报告如下。`,
      ),
      ...sections.flatMap(([title, blocks], i): ExportBlock[] => [
        { type: 'heading', level: 1, text: `${sectionNumber(i + 1)}${title}` },
        ...blocks,
      ]),
      BLANK_LINE,
      ...attachments(collectiveTitle, record.selfMaterials),
      BLANK_LINE,
      { type: 'paragraph', inlines: [{ text: branch }], indent: false, align: 'right' },
      { type: 'paragraph', inlines: [{ text: meetingDay(record) }], indent: false, align: 'right' },
    ],
  };
}
