import type {
  AppraisalCallerView,
  CastBallotRequest,
  OpenAppraisalRequest,
  PaperBallots,
} from '../../shared/appraisal/appraisalSchemas.js';
import { requestJson } from './requestJson.js';

type AppraisalAnswer = { appraisal: AppraisalCallerView };

const base = (meetingId: number) => `/api/meetings/${meetingId}/appraisal`;

/** The meeting's 民主评议党员 round as the caller sees it (status `none` before one is opened). */
export async function fetchAppraisal(
  meetingId: number,
  signal?: AbortSignal,
): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(base(meetingId), { signal });
  return appraisal;
}

/** Host: opens the vote for these voters about these members. */
export async function openAppraisal(
  meetingId: number,
  request: OpenAppraisalRequest,
): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(`${base(meetingId)}/open`, {
    method: 'POST',
    body: request,
  });
  return appraisal;
}

/** Voter: casts the ballot, or changes it by sending the same key again. */
export async function castBallot(
  meetingId: number,
  request: CastBallotRequest,
): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(`${base(meetingId)}/ballot`, {
    method: 'PUT',
    body: request,
  });
  return appraisal;
}

/** Host: the counts of the paper slips, replacing those entered before. */
export async function setPaperBallots(
  meetingId: number,
  paper: PaperBallots,
): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(`${base(meetingId)}/paper`, {
    method: 'PUT',
    body: paper,
  });
  return appraisal;
}

/** Host: ends the vote; the answer carries the result. */
export async function closeAppraisal(meetingId: number): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(`${base(meetingId)}/close`, {
    method: 'POST',
  });
  return appraisal;
}

/** Host: discards the open round and its ballots; the status goes back to `none`. */
export async function discardAppraisal(meetingId: number): Promise<AppraisalCallerView> {
  const { appraisal } = await requestJson<AppraisalAnswer>(base(meetingId), {
    method: 'DELETE',
  });
  return appraisal;
}
