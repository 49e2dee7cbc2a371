import { describe, expect, it } from 'vitest';
import { assembleMinutes } from '../../../server/export/assembleMinutes.js';
import type { ExportBlock } from '../../../server/export/exportBlocks.js';
import type { MeetingRecord } from '../../../server/export/MeetingRecordReader.js';
import type { MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import { initialMeetingState } from '../../../shared/moderation/procedures.js';

/** A meeting where nothing has been said yet, as the record reader would give it. */
function record(kind: MeetingKind, appraisal: MeetingRecord['appraisal']): MeetingRecord {
  const people = [
    { userId: 1, username: 'w', displayName: '王书记', roles: ['host', 'participant'] as const },
    {
      userId: 2,
      username: 'l',
      displayName: '李记录',
      roles: ['recorder', 'participant'] as const,
    },
  ].map((p) => ({ ...p, roles: [...p.roles], branchRole: null }));
  return {
    meeting: {
      id: 7,
      branchId: 1,
      kind,
      title: '2024年度组织生活会',
      year: 2024,
      theme: '',
      aspects: [],
      scheduledAt: Date.UTC(2026, 11, 20, 1, 0),
      location: null,
      status: 'in-progress',
      templateId: null,
      previousMeetingId: null,
      createdBy: 1,
      createdAt: 0,
      updatedAt: 0,
    },
    kind,
    branchName: '第一党支部',
    people,
    state: {
      ...initialMeetingState(kind),
      roster: people.map((p) => ({
        userId: p.userId,
        roles: p.roles,
        isSecretary: p.userId === 1,
      })),
    },
    minutes: null,
    collective: null,
    selfMaterials: 0,
    rectifications: [],
    appraisal,
    timeZone: 'Asia/Shanghai',
  };
}

const headings = (blocks: ExportBlock[]) =>
  blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : []));

describe('assembleMinutes', () => {
  it('adds the 民主评议 result to the minutes of a 组织生活会, a tie left for the branch', () => {
    const doc = assembleMinutes(
      record('organizational-life', {
        ballots: 5,
        paperBallots: 2,
        subjects: [
          {
            subjectId: 1,
            counts: { excellent: 3, qualified: 2, 'basically-qualified': 0, unqualified: 0 },
            grade: 'excellent',
            tie: [],
          },
          {
            subjectId: 2,
            counts: { excellent: 2, qualified: 2, 'basically-qualified': 1, unqualified: 0 },
            grade: null,
            tie: ['excellent', 'qualified'],
          },
        ],
      }),
    );
    expect(headings(doc.blocks)).toEqual([
      '一、会议议程',
      '二、会议内容',
      '三、民主评议党员结果',
      '四、整改事项清单',
    ]);
    const at = doc.blocks.findIndex(
      (b) => b.type === 'heading' && b.text === '三、民主评议党员结果',
    );
    expect(doc.blocks.slice(at + 1, at + 3)).toEqual([
      {
        type: 'paragraph',
        inlines: [{ text: '共收回有效票5张（其中纸质票2张），评议结果如下。' }],
      },
      {
        type: 'table',
        header: ['姓名', '优秀', '合格', '基本合格', '不合格', '评议等次'],
        rows: [
          ['王书记', '3', '2', '0', '0', '优秀'],
          ['李记录', '2', '2', '1', '0', '待定（优秀、合格票数相同）'],
        ],
      },
    ]);
  });

  it('says so while the round is not closed, and a 民主生活会 has no such section', () => {
    const open = assembleMinutes(record('organizational-life', null));
    expect(JSON.stringify(open.blocks)).toContain('民主评议党员未完成或未进行。');
    expect(headings(assembleMinutes(record('democratic-life', null)).blocks)).toEqual([
      '一、会议议程',
      '二、会议内容',
      '三、整改事项清单',
    ]);
  });

  it('gives the scheduled time before any speech, and blanks where the app has nothing', () => {
    const fields = assembleMinutes(record('democratic-life', null)).blocks[0];
    expect(fields).toMatchObject({ type: 'fields' });
    const rows = new Map(fields?.type === 'fields' ? fields.rows : []);
    expect(rows.get('会议时间')).toBe('2026年12月20日 09:00');
    expect(rows.get('会议地点')).toBe('____');
    expect(rows.get('应到人数')).toBe('2人');
    expect(rows.get('实到人数')).toBe('0人');
    expect(rows.get('缺席人员')).toBe('无');
    expect(rows.has('会议主题')).toBe(false);
  });

  it('puts a speech still being given last, with the notes under its heading', () => {
    const base = record('democratic-life', null);
    const startedAt = Date.UTC(2026, 11, 20, 1, 30);
    const withSpeech: MeetingRecord = {
      ...base,
      state: {
        ...base.state,
        current: {
          id: 's1',
          phaseId: 'p4',
          speakerId: 2,
          kind: 'criticism',
          subjectId: 1,
          startedAt,
          limitSeconds: 300,
          pausedAt: null,
          pausedMs: 0,
        },
      },
      minutes: {
        type: 'doc',
        content: [
          {
            type: 'heading',
            attrs: { level: 3 },
            content: [{ type: 'text', text: '09:30 李记录 对 王书记 的批评意见' }],
          },
          { type: 'paragraph', content: [{ type: 'text', text: '正在记录' }] },
        ],
      },
    };
    const blocks = assembleMinutes(withSpeech).blocks;
    const at = blocks.findIndex((b) => b.type === 'heading' && b.text === '二、会议内容');
    expect(blocks.slice(at + 1, at + 4)).toEqual([
      { type: 'heading', level: 2, text: '（一）个人对照检查与相互批评' },
      { type: 'heading', level: 3, text: '1. 李记录 → 王书记 批评意见（09:30，发言中）' },
      { type: 'paragraph', inlines: [{ text: '正在记录' }] },
    ]);
  });
});
