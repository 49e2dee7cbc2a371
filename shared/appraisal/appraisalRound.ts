import { DomainError } from '../errors/DomainError.js';
import type { ErrorKey } from '../errors/errorMessages.js';
import type { ErrorParams } from '../errors/errorText.js';
import { ballotProblem, maxExcellent, paperProblem, tally } from './appraisalRules.js';
import type {
  AppraisalResult,
  AppraisalStatus,
  AppraisalView,
  Grade,
  PaperBallots,
} from './appraisalSchemas.js';

/**
 * Ballots cast on devices below which no result is ever shown, whatever the server is
 * configured to: with fewer, the host who knows the paper slips (or invented them) could
 * subtract them and read what one or two voters chose. Paper slips never count towards it.
 */
export const MIN_DEVICE_BALLOTS_FLOOR = 3;

/** The device ballots a round needs to show its result: the configured number, at least 3. */
export function deviceBallotsNeeded(configured: number): number {
  return Math.max(MIN_DEVICE_BALLOTS_FLOOR, configured);
}

/** A cast ballot: the hash of its voter's secret and a grade per member; nothing else. */
export interface StoredBallot {
  key: string;
  grades: Record<string, Grade>;
}

/** A round as the rules see it (the server adds its meeting, revision and times). */
export interface RoundState {
  status: AppraisalStatus;
  voters: number[];
  subjects: number[];
  /** Who has voted: never in the order they voted. */
  voted: number[];
  /** The ballots cast on devices, one per voter in `voted`, tied to none of them. */
  ballots: StoredBallot[];
  paper: PaperBallots | null;
  /** The tally; null while open, and null after a close with too few device ballots. */
  result: AppraisalResult | null;
  /** Device ballots needed for the result to be shown (never below the floor). */
  minBallots: number;
}

export type RoundRefusalCode =
  | 'appraisal_open'
  | 'appraisal_closed'
  | 'appraisal_not_open'
  | 'not_a_voter'
  | 'already_voted'
  | 'key_in_use'
  | 'too_many_ballots'
  | 'too_many_excellent'
  | 'incomplete_ballot'
  | 'unknown_subject'
  | 'invalid_paper';

/** A refusal of the round's rules: a catalog key whose code is a `RoundRefusalCode`. */
export type RoundRefusalKey = Extract<ErrorKey, RoundRefusalCode | `${RoundRefusalCode}.${string}`>;

export type RoundStep<R> = { ok: true; round: R } | { ok: false; refusal: DomainError };

const refuse = <R>(key: RoundRefusalKey | DomainError, params?: ErrorParams): RoundStep<R> => ({
  ok: false,
  refusal: key instanceof DomainError ? key : new DomainError(key, params),
});

/** Closed without a result: too few ballots were cast on devices to show one. */
export function resultWithheld(round: RoundState | null): boolean {
  return round?.status === 'closed' && round.result === null;
}

/**
 * A new round for these (already checked) voters and members. A round whose result was shown
 * is final: a second result from the same people could be compared with the first.
 */
export function openRound(
  previous: RoundState | null,
  voters: number[],
  subjects: number[],
  configuredMin: number,
): RoundStep<RoundState> {
  if (previous?.status === 'open') return refuse('appraisal_open');
  if (previous?.status === 'closed' && previous.result !== null) {
    return refuse('appraisal_closed');
  }
  return {
    ok: true,
    round: {
      status: 'open',
      voters,
      subjects,
      voted: [],
      ballots: [],
      paper: null,
      result: null,
      minBallots: deviceBallotsNeeded(configuredMin),
    },
  };
}

/** A voter's ballot under the hash of their secret: a new one, or a change of their own. */
export function castBallot<R extends RoundState>(
  round: R | null,
  voter: { userId: number; present: boolean },
  keyHash: string,
  grades: Record<string, Grade>,
): RoundStep<R> {
  if (round?.status !== 'open') return refuse('appraisal_not_open');
  if (!round.voters.includes(voter.userId) || !voter.present) {
    return refuse('not_a_voter');
  }
  const problem = ballotProblem(round.subjects, grades);
  if (problem?.code === 'too_many_excellent') {
    return refuse('too_many_excellent', {
      max: problem.max,
      subjects: round.subjects.length,
      excellent: problem.excellent,
    });
  }
  if (problem) return refuse(problem.code);
  const mine = round.ballots.find((b) => b.key === keyHash);
  const hasVoted = round.voted.includes(voter.userId);
  if (!mine && hasVoted) {
    return refuse('already_voted');
  }
  if (mine && !hasVoted) return refuse('key_in_use');
  if (!mine && round.voted.length + (round.paper?.ballots ?? 0) >= round.voters.length) {
    return refuse('too_many_ballots');
  }
  const ballots = round.ballots.filter((b) => b.key !== keyHash);
  ballots.push({ key: keyHash, grades });
  const voted = hasVoted ? round.voted : [...round.voted, voter.userId].sort((a, b) => a - b);
  return { ok: true, round: { ...round, ballots, voted } };
}

/** The host's counts from the paper slips, replacing any entered before. */
export function enterPaper<R extends RoundState>(
  round: R | null,
  paper: PaperBallots,
): RoundStep<R> {
  if (round?.status !== 'open') return refuse('appraisal_not_open');
  const problem = paperProblem(round.subjects, paper);
  if (problem) return refuse(problem);
  if (round.voted.length + paper.ballots > round.voters.length) {
    return refuse('too_many_ballots.paper');
  }
  return { ok: true, round: { ...round, paper } };
}

/**
 * Ends the vote. The ballots give way to their tally, shown only if enough of them were cast
 * on devices: paper slips are added to the counts but never make up that number, so no
 * result shows fewer than three voters' choices mixed together.
 */
export function closeRound<R extends RoundState>(round: R | null): RoundStep<R> {
  if (round?.status !== 'open') return refuse('appraisal_not_open');
  const enough = round.ballots.length >= deviceBallotsNeeded(round.minBallots);
  const result = enough
    ? tally(
        round.subjects,
        round.ballots.map((b) => b.grades),
        round.paper,
      )
    : null;
  return { ok: true, round: { ...round, status: 'closed', ballots: [], result } };
}

/** Discards an open round and its ballots (a mistake in the lists, say). */
export function cancelRound<R extends RoundState>(round: R | null): RoundStep<R> {
  if (round?.status !== 'open') return refuse('appraisal_not_open');
  return {
    ok: true,
    round: {
      ...round,
      status: 'none',
      voters: [],
      subjects: [],
      voted: [],
      ballots: [],
      paper: null,
      result: null,
    },
  };
}

/** A voter present who has voted (and may change it), or for whom a ballot is still left. */
export function mayCast(round: RoundState | null, userId: number, present: boolean): boolean {
  if (round?.status !== 'open' || !round.voters.includes(userId) || !present) return false;
  const left = round.voters.length - round.voted.length - (round.paper?.ballots ?? 0);
  return round.voted.includes(userId) || left > 0;
}

/** What everyone may see of a round: how many have voted, never how; a result only if shown. */
export function roundView(
  round: RoundState | null,
  configuredMin: number,
): Omit<AppraisalView, 'meetingId' | 'openedAt' | 'closedAt'> {
  const status = round?.status ?? 'none';
  return {
    status,
    voters: round?.voters ?? [],
    subjects: round?.subjects ?? [],
    maxExcellent: maxExcellent(round?.subjects.length ?? 0),
    minBallots: deviceBallotsNeeded(round?.minBallots ?? configuredMin),
    votedCount: round?.voted.length ?? 0,
    paper: round?.paper ?? null,
    result: status === 'closed' ? (round?.result ?? null) : null,
    resultWithheld: resultWithheld(round),
  };
}
