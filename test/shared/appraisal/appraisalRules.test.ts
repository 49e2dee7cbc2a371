import { describe, expect, it } from 'vitest';
import {
  ballotProblem,
  maxExcellent,
  paperProblem,
  tally,
} from '../../../shared/appraisal/appraisalRules.js';
import type { Grade } from '../../../shared/appraisal/appraisalSchemas.js';

const members = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** A ballot giving 优秀 to the first `excellent` members and 合格 to the rest. */
function ballot(subjects: number[], excellent: number): Record<string, Grade> {
  return Object.fromEntries(
    subjects.map((id, i) => [String(id), i < excellent ? 'excellent' : 'qualified']),
  );
}

describe('at most one third 优秀 on a ballot', () => {
  it.each([
    [3, 1],
    [4, 1],
    [10, 3],
    [31, 10],
  ])('with %i members, allows %i and refuses one more', (n, max) => {
    const subjects = members(n);
    expect(maxExcellent(n)).toBe(max);
    expect(ballotProblem(subjects, ballot(subjects, max))).toBeNull();
    expect(ballotProblem(subjects, ballot(subjects, max + 1))).toEqual({
      code: 'too_many_excellent',
      excellent: max + 1,
      max,
    });
  });

  it('allows none at all with fewer than three members', () => {
    expect(maxExcellent(2)).toBe(0);
    expect(ballotProblem([1, 2], ballot([1, 2], 1))).toMatchObject({ code: 'too_many_excellent' });
  });

  it('wants a grade for every member and for members of the round only', () => {
    expect(ballotProblem([1, 2, 3], { '1': 'qualified', '2': 'qualified' })).toEqual({
      code: 'incomplete_ballot',
      missing: [3],
    });
    expect(
      ballotProblem([1, 2], { '1': 'qualified', '2': 'qualified', '9': 'unqualified' }),
    ).toEqual({ code: 'unknown_subject', subjectIds: [9] });
  });
});

describe('the tally', () => {
  it('counts each grade per member and names the grade most ballots gave', () => {
    const result = tally(
      [1, 2],
      [
        { '1': 'excellent', '2': 'qualified' },
        { '1': 'qualified', '2': 'qualified' },
        { '1': 'excellent', '2': 'basically-qualified' },
      ],
      null,
    );
    expect(result.ballots).toBe(3);
    expect(result.subjects[0]).toEqual({
      subjectId: 1,
      counts: { excellent: 2, qualified: 1, 'basically-qualified': 0, unqualified: 0 },
      grade: 'excellent',
      tie: [],
    });
    expect(result.subjects[1]?.grade).toBe('qualified');
  });

  it('shows a tie as a tie, for the branch to decide', () => {
    const result = tally(
      [1],
      [{ '1': 'excellent' }, { '1': 'qualified' }, { '1': 'qualified' }, { '1': 'excellent' }],
      null,
    );
    expect(result.subjects[0]).toMatchObject({ grade: null, tie: ['excellent', 'qualified'] });
  });

  it('adds the paper slips, and says how many there were', () => {
    const paper = {
      ballots: 2,
      counts: {
        '1': { excellent: 0, qualified: 2, 'basically-qualified': 0, unqualified: 0 },
      },
    };
    expect(paperProblem([1], paper)).toBeNull();
    const result = tally([1], [{ '1': 'excellent' }], paper);
    expect(result).toMatchObject({ ballots: 3, paperBallots: 2 });
    expect(result.subjects[0]).toMatchObject({ grade: 'qualified' });
  });

  it('refuses paper counts that the slips cannot add up to', () => {
    const counts = (excellent: number, qualified: number) => ({
      excellent,
      qualified,
      'basically-qualified': 0,
      unqualified: 0,
    });
    expect(paperProblem([1], { ballots: 1, counts: { '1': counts(1, 1) } })).toMatchObject({
      key: 'invalid_paper.too_many_grades',
      params: { id: '1', sum: 2, ballots: 1 },
    });
    expect(paperProblem([1], { ballots: 1, counts: { '7': counts(0, 1) } })).toMatchObject({
      key: 'invalid_paper.not_appraised',
      params: { id: '7' },
    });
    // Three members: each slip may give one 优秀, so two slips give at most two.
    expect(
      paperProblem([1, 2, 3], {
        ballots: 2,
        counts: { '1': counts(2, 0), '2': counts(1, 1), '3': counts(0, 2) },
      })?.key,
    ).toBe('invalid_paper.too_many_excellent');
  });
});
