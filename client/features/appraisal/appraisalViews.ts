import type {
  AppraisalCallerView,
  AppraisalView,
} from '../../../shared/appraisal/appraisalSchemas.js';

/** Whether two views show the same round in the same status. */
export function sameStage(a: AppraisalView, b: AppraisalView): boolean {
  return a.status === b.status && a.openedAt === b.openedAt;
}

/**
 * The view after the server announced `announced` (which has no per-caller fields): the
 * caller's fields are kept while the round is the same; a new round has no ballot of theirs.
 */
export function withAnnounced(
  now: AppraisalCallerView,
  announced: AppraisalView,
): AppraisalCallerView {
  const sameRound = now.openedAt === announced.openedAt && announced.status !== 'none';
  return {
    ...announced,
    youMayVote: now.youMayVote,
    youHaveVoted: sameRound ? now.youHaveVoted : false,
  };
}

/**
 * The view after an answer to the caller's own request. An announcement of a later change may
 * have come first (the socket and HTTP do not keep each other's order): within one round a
 * close is not undone and the count of ballots only grows.
 */
export function withOwnAnswer(
  now: AppraisalCallerView | null,
  answer: AppraisalCallerView,
): AppraisalCallerView {
  if (!now || now.openedAt !== answer.openedAt || answer.status === 'none') return answer;
  if (now.status === 'closed' && answer.status === 'open') {
    return { ...now, youMayVote: answer.youMayVote, youHaveVoted: answer.youHaveVoted };
  }
  return { ...answer, votedCount: Math.max(now.votedCount, answer.votedCount) };
}
