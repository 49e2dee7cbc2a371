import { DomainError } from '../errors/DomainError.js';
import {
  GRADES,
  type AppraisalResult,
  type Grade,
  type PaperBallots,
  type SubjectResult,
} from './appraisalSchemas.js';

/** At most one third of the members appraised may be 优秀 on one ballot (rounded down). */
export function maxExcellent(subjectCount: number): number {
  return Math.floor(subjectCount / 3);
}

export type BallotProblem =
  | { code: 'incomplete_ballot'; missing: number[] }
  | { code: 'unknown_subject'; subjectIds: number[] }
  | { code: 'too_many_excellent'; excellent: number; max: number };

/** What is wrong with a ballot for these members, or null if it may be cast. */
export function ballotProblem(
  subjects: readonly number[],
  grades: Readonly<Record<string, Grade>>,
): BallotProblem | null {
  const given = Object.keys(grades).map(Number);
  const unknown = given.filter((id) => !subjects.includes(id));
  if (unknown.length > 0) return { code: 'unknown_subject', subjectIds: unknown };
  const missing = subjects.filter((id) => grades[String(id)] === undefined);
  if (missing.length > 0) return { code: 'incomplete_ballot', missing };
  const excellent = Object.values(grades).filter((g) => g === 'excellent').length;
  const max = maxExcellent(subjects.length);
  return excellent > max ? { code: 'too_many_excellent', excellent, max } : null;
}

const zeroCounts = (): Record<Grade, number> => ({
  excellent: 0,
  qualified: 0,
  'basically-qualified': 0,
  unqualified: 0,
});

/** Counts the ballots (each a grade per member) and the paper slips into each member's result. */
export function tally(
  subjects: readonly number[],
  ballots: ReadonlyArray<Readonly<Record<string, Grade>>>,
  paper: PaperBallots | null,
): AppraisalResult {
  const results: SubjectResult[] = subjects.map((subjectId) => {
    const counts = zeroCounts();
    for (const ballot of ballots) {
      const grade = ballot[String(subjectId)];
      if (grade) counts[grade]++;
    }
    for (const grade of GRADES) counts[grade] += paper?.counts[String(subjectId)]?.[grade] ?? 0;
    const top = Math.max(...GRADES.map((g) => counts[g]));
    const leaders = GRADES.filter((g) => counts[g] === top);
    const decided = top > 0 && leaders.length === 1;
    return {
      subjectId,
      counts,
      grade: decided ? leaders[0]! : null,
      tie: top > 0 && leaders.length > 1 ? [...leaders] : [],
    };
  });
  const paperBallots = paper?.ballots ?? 0;
  return { ballots: ballots.length + paperBallots, paperBallots, subjects: results };
}

/** What is wrong with paper counts for these members, or null. */
export function paperProblem(subjects: readonly number[], paper: PaperBallots): DomainError | null {
  for (const [id, counts] of Object.entries(paper.counts)) {
    if (!subjects.includes(Number(id)))
      return new DomainError('invalid_paper.not_appraised', { id });
    const sum = GRADES.reduce((s, g) => s + (counts[g] ?? 0), 0);
    if (sum > paper.ballots) {
      return new DomainError('invalid_paper.too_many_grades', { id, sum, ballots: paper.ballots });
    }
  }
  const excellent = Object.values(paper.counts).reduce((s, c) => s + (c.excellent ?? 0), 0);
  const max = maxExcellent(subjects.length);
  if (excellent > paper.ballots * max) {
    return new DomainError('invalid_paper.too_many_excellent', { ballots: paper.ballots, max });
  }
  return null;
}
