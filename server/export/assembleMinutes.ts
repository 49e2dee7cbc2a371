import { GRADE_LABELS, GRADES } from '../../shared/appraisal/appraisalSchemas.js';
import type { CurrentSpeech, SpeechRecord } from '../../shared/moderation/meetingState.js';
import type { ExportBlock, ExportDocument } from './exportBlocks.js';
import { contentToBlocks } from './contentToBlocks.js';
import { rectificationTable } from './ledgerRows.js';
import {
  basicFields,
  formatTime,
  nameOf,
  sectionNumber,
  speechTitle,
  subsectionNumber,
} from './meetingFacts.js';
import type { MeetingRecord } from './MeetingRecordReader.js';
import { splitMinutes } from './splitMinutes.js';

const NOT_RECORDED: ExportBlock = {
  type: 'paragraph',
  inlines: [{ text: '（未记录发言内容）' }],
};

/**
 * The speeches in the order of the log, each under its title with what the minutes hold under
 * its heading; a phase's title opens each run of speeches in that phase. A speech still being
 * given comes last, marked as such, so that its notes are not taken for the previous one's.
 */
function speechBlocks(record: MeetingRecord): ExportBlock[] {
  const { log, phases, current } = record.state;
  const given: { speech: SpeechRecord | CurrentSpeech; ongoing: boolean }[] = [
    ...log.map((speech) => ({ speech, ongoing: false })),
    ...(current === null ? [] : [{ speech: current, ongoing: true }]),
  ];
  const split = splitMinutes(
    record.minutes,
    given.map((g) => g.speech),
    { kind: record.kind, nameOf: (id) => nameOf(record, id) },
  );
  const blocks: ExportBlock[] = contentToBlocks({ type: 'doc', content: split.preamble });
  let phaseId: string | null = null;
  let phaseCount = 0;
  let speechCount = 0;
  given.forEach(({ speech, ongoing }, i) => {
    if (speech.phaseId !== phaseId) {
      phaseId = speech.phaseId;
      phaseCount += 1;
      speechCount = 0;
      const title = phases.find((p) => p.id === phaseId)?.title ?? '其他发言';
      blocks.push({ type: 'heading', level: 2, text: `${subsectionNumber(phaseCount)}${title}` });
    }
    speechCount += 1;
    const time = formatTime(speech.startedAt, record.timeZone);
    blocks.push({
      type: 'heading',
      level: 3,
      text: `${speechCount}. ${speechTitle(record, speech)}（${time}${ongoing ? '，发言中' : ''}）`,
    });
    const written = contentToBlocks({ type: 'doc', content: split.speeches[i] ?? [] });
    blocks.push(...(written.length > 0 ? written : [NOT_RECORDED]));
  });
  if (given.length === 0 && blocks.length === 0) blocks.push(NOT_RECORDED);
  return blocks;
}

/** 民主评议党员: each member's votes per grade and the grade they got. */
function appraisalBlocks(record: MeetingRecord): ExportBlock[] {
  const result = record.appraisal;
  if (result === null) {
    // Closed with too few device ballots: the result was never shown, and is not kept.
    const text = record.appraisalWithheld
      ? '民主评议投票人数不足，不公布结果。'
      : '民主评议党员未完成或未进行。';
    return [{ type: 'paragraph', inlines: [{ text }] }];
  }
  const paper = result.paperBallots > 0 ? `（其中纸质票${result.paperBallots}张）` : '';
  return [
    {
      type: 'paragraph',
      inlines: [{ text: `共收回有效票${result.ballots}张${paper}，评议结果如下。` }],
    },
    {
      type: 'table',
      header: ['姓名', ...GRADES.map((g) => GRADE_LABELS[g]), '评议等次'],
      rows: result.subjects.map((s) => [
        nameOf(record, s.subjectId),
        ...GRADES.map((g) => String(s.counts[g])),
        s.grade !== null
          ? GRADE_LABELS[s.grade]
          : `待定（${s.tie.map((g) => GRADE_LABELS[g]).join('、')}票数相同）`,
      ]),
    },
  ];
}

/** 会议记录 (docs/exports.md): the facts, the agenda, every speech, the appraisal, the list. */
export function assembleMinutes(record: MeetingRecord): ExportDocument {
  const sections: [title: string, blocks: ExportBlock[]][] = [
    [
      '会议议程',
      [
        {
          type: 'list',
          ordered: true,
          items: record.state.phases.map((p) => [{ text: p.title }]),
        },
      ],
    ],
    ['会议内容', speechBlocks(record)],
  ];
  if (record.kind === 'organizational-life') {
    sections.push(['民主评议党员结果', appraisalBlocks(record)]);
  }
  const table = rectificationTable(record.rectifications);
  sections.push([
    '整改事项清单',
    table.rows.length > 0
      ? [{ type: 'table', ...table }]
      : [{ type: 'paragraph', inlines: [{ text: '会上未记录整改事项。' }] }],
  ]);
  return {
    title: `${record.meeting.title}\n会议记录`,
    blocks: [
      { type: 'fields', rows: basicFields(record) },
      ...sections.flatMap(([title, blocks], i): ExportBlock[] => [
        { type: 'heading', level: 1, text: `${sectionNumber(i + 1)}${title}` },
        ...blocks,
      ]),
    ],
  };
}
