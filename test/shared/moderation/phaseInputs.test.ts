import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../shared/moderation/meetingState.js';
import { moderationCommandSchema } from '../../../shared/moderation/moderationSchemas.js';
import { ModerationLimits } from '../../../shared/moderation/moderationSchemas.js';
import { phasesFrom } from '../../../shared/moderation/phaseInputs.js';

const current: Phase[] = [
  { id: 'p1', title: '主持人开场', kind: 'opening' },
  { id: 'p2', title: '通报', kind: 'report', notes: '上年度共查摆整改事项2项。' },
];

describe('phasesFrom: the phases a setPhases asks for', () => {
  it('keeps a phase’s notes when they are left out, replaces them when given, and numbers new phases', () => {
    const { phases, nextId } = phasesFrom(
      current,
      [
        { id: 'p2', title: '通报整改情况', kind: 'report' },
        { id: 'p1', title: '开场', kind: 'opening', notes: '应到8人' },
        { title: '自由发言', kind: 'other' },
      ],
      3,
    );
    expect(phases).toEqual([
      { id: 'p2', title: '通报整改情况', kind: 'report', notes: '上年度共查摆整改事项2项。' },
      { id: 'p1', title: '开场', kind: 'opening', notes: '应到8人' },
      { id: 'p3', title: '自由发言', kind: 'other' },
    ]);
    expect(nextId).toBe(4);
  });

  it('clears notes with an empty string', () => {
    const { phases } = phasesFrom(
      current,
      [{ id: 'p2', title: '通报', kind: 'report', notes: '' }],
      3,
    );
    expect(phases[0]!.notes).toBe('');
  });

  it('takes notes up to their limit in the command schema, and no longer', () => {
    const command = (notes: string) => ({
      type: 'setPhases',
      phases: [{ title: '通报', kind: 'report', notes }],
    });
    const max = ModerationLimits.maxPhaseNotesLength;
    expect(moderationCommandSchema.safeParse(command('字'.repeat(max))).success).toBe(true);
    expect(moderationCommandSchema.safeParse(command('字'.repeat(max + 1))).success).toBe(false);
  });
});
