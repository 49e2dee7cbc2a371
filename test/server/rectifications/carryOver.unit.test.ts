import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { ModerationLimits } from '../../../shared/moderation/moderationSchemas.js';
import {
  CARRY_OVER_TITLE,
  carryOver,
  carryOverCounts,
  chineseDate,
  type CarryOverItem,
} from '../../../server/rectifications/carryOver.js';

const TZ = 'Asia/Shanghai';

function item(seq: number, patch: Partial<CarryOverItem> = {}): CarryOverItem {
  return {
    seq,
    problem: `问题${seq}`,
    measures: `措施${seq}`,
    owner: { id: seq, displayName: `责任人${seq}` },
    status: 'in-progress',
    verified: null,
    latestProgress: null,
    ...patch,
  };
}

const texts = (content: readonly JSONContent[]): string[] =>
  content.map((block) => (block.content ?? []).map((n) => n.text ?? '').join(''));

describe('carryOver: last meeting’s items as the new meeting’s 上年度整改落实情况', () => {
  it('counts by status in a fixed order, 销号 items apart, and leaves out empty counts', () => {
    const items = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
        item(n, { status: 'done', verified: { at: 0, by: { id: 1, displayName: '王书记' } } }),
      ),
      item(9),
      item(10),
      item(11, { status: 'long-term' }),
      item(12, { status: 'long-term' }),
    ];
    expect(carryOverCounts(items, 'democratic-life')).toBe(
      '上年度民主生活会共查摆整改事项12项，已完成并销号8项，推进中2项，长期坚持2项。',
    );
    expect(
      carryOverCounts(
        [
          item(1, { status: 'not-started' }),
          item(2, { status: 'done' }),
          item(3, { status: 'extension-requested' }),
        ],
        'organizational-life',
      ),
    ).toBe('上年度组织生活会共查摆整改事项3项，已完成待销号1项，申请延期1项，未启动1项。');
  });

  it('writes the counts, then one paragraph an item by 序号 with problem, measures, owner, status and the latest progress', () => {
    // 18:30 UTC on 4 March is 02:30 on 5 March in Beijing: 销号 days are the meeting time zone's.
    const verifiedAt = Date.UTC(2025, 2, 4, 18, 30);
    const { section } = carryOver(
      [
        item(2, {
          problem: '调查研究不够深入\n',
          measures: '每季度开展一次专题调研。\n建立问题清单',
          latestProgress: {
            id: 9,
            author: { id: 2, displayName: '责任人2' },
            note: '已完成两次调研。',
            notedOn: '2025-03-01',
            createdAt: 0,
          },
        }),
        item(1, {
          status: 'done',
          verified: { at: verifiedAt, by: { id: 1, displayName: '王书记' } },
          measures: '',
        }),
      ],
      { kind: 'democratic-life', timeZone: TZ },
    );
    expect(section.title).toBe(CARRY_OVER_TITLE);
    expect(section.content.every((b) => b.type === 'paragraph')).toBe(true);
    expect(texts(section.content)).toEqual([
      '上年度民主生活会共查摆整改事项2项，已完成并销号1项，推进中1项。',
      '1.问题：问题1。责任人：责任人1。状态：已完成，已于2025年3月5日销号。最新进展：暂无记录。',
      '2.问题：调查研究不够深入。整改措施：每季度开展一次专题调研。建立问题清单。' +
        '责任人：责任人2。状态：推进中。最新进展（2025年3月1日）：已完成两次调研。',
    ]);
  });

  it('gives the agenda the same counts and a short list, cut to what a phase’s notes may hold', () => {
    const short = carryOver([item(1), item(2, { status: 'long-term' })], {
      kind: 'democratic-life',
      timeZone: TZ,
    });
    expect(short.notes).toBe(
      [
        '上年度民主生活会共查摆整改事项2项，推进中1项，长期坚持1项。',
        '1.问题1（责任人：责任人1；推进中）',
        '2.问题2（责任人：责任人2；长期坚持）',
      ].join('\n'),
    );

    const many = Array.from({ length: 200 }, (_, i) => item(i + 1, { problem: '问'.repeat(100) }));
    const { notes, section } = carryOver(many, { kind: 'democratic-life', timeZone: TZ });
    expect(notes.length).toBeLessThanOrEqual(ModerationLimits.maxPhaseNotesLength);
    expect(notes.split('\n')[1]).toBe(`1.${'问'.repeat(60)}…（责任人：责任人1；推进中）`);
    const listed = notes.split('\n').length - 2;
    expect(notes.endsWith(`……（其余${200 - listed}项见对照检查材料）`)).toBe(true);
    // The material is not cut: every item is there.
    expect(section.content).toHaveLength(201);
  });

  it('writes days the Chinese way', () => {
    expect(chineseDate('2025-03-01')).toBe('2025年3月1日');
    expect(chineseDate('2024-12-31')).toBe('2024年12月31日');
  });
});
