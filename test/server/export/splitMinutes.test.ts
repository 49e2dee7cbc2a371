import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { splitMinutes } from '../../../server/export/splitMinutes.js';
import type { SpeechRecord } from '../../../shared/moderation/meetingState.js';

const NAMES: Record<number, string> = { 1: '王书记', 2: '李记录' };
const names = { kind: 'democratic-life' as const, nameOf: (id: number) => NAMES[id] ?? '' };

const heading = (text: string, level = 3): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

function speech(
  id: string,
  speakerId: number,
  kind: SpeechRecord['kind'],
  subjectId: number | null = null,
): SpeechRecord {
  return {
    id,
    phaseId: 'p4',
    speakerId,
    kind,
    subjectId,
    startedAt: 0,
    endedAt: 1,
    durationMs: 1,
    limitSeconds: 600,
    overtimeMs: 0,
  };
}

const texts = (nodes: JSONContent[]): string[] =>
  nodes.map((n) => (n.content ?? []).map((c) => c.text).join(''));

describe('splitMinutes', () => {
  it('gives each speech what is written under its heading, whatever time the heading shows', () => {
    const log = [speech('s1', 1, 'self-criticism'), speech('s2', 2, 'criticism', 1)];
    const split = splitMinutes(
      {
        type: 'doc',
        content: [
          paragraph('会前说明'),
          heading('09:05 王书记 作个人对照检查'),
          paragraph('查摆问题'),
          // The recorder's own heading stays with the speech it is under.
          heading('（一）理论学习', 4),
          paragraph('学习不够'),
          heading('17:20 李记录 对 王书记 的批评意见'),
          paragraph('批评一'),
        ],
      },
      log,
      names,
    );
    expect(texts(split.preamble)).toEqual(['会前说明']);
    expect(split.speeches.map(texts)).toEqual([
      ['查摆问题', '（一）理论学习', '学习不够'],
      ['批评一'],
    ]);
  });

  it('gives a speech given twice its two headings in order', () => {
    const log = [speech('s1', 1, 'response'), speech('s2', 1, 'response')];
    const split = splitMinutes(
      {
        type: 'doc',
        content: [
          heading('10:00 王书记 表态发言'),
          paragraph('第一次'),
          heading('10:30 王书记 表态发言'),
          paragraph('第二次'),
        ],
      },
      log,
      names,
    );
    expect(split.speeches.map(texts)).toEqual([['第一次'], ['第二次']]);
  });

  it('leaves a heading of no logged speech in the text, and speeches without a heading empty', () => {
    const log = [speech('s1', 1, 'self-criticism'), speech('s2', 2, 'self-criticism')];
    const split = splitMinutes(
      {
        type: 'doc',
        content: [
          heading('09:05 王书记 作个人对照检查'),
          heading('09:30 赵副书记 作个人对照检查'),
          paragraph('补记'),
        ],
      },
      log,
      names,
    );
    expect(split.speeches.map(texts)).toEqual([['09:30 赵副书记 作个人对照检查', '补记'], []]);
  });

  it('splits nothing out of empty minutes', () => {
    expect(splitMinutes(null, [speech('s1', 1, 'summary')], names)).toEqual({
      preamble: [],
      speeches: [[]],
    });
  });
});
