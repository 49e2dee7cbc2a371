import { z } from 'zod';

/** The grades of 民主评议党员, best first. */
export const GRADES = ['excellent', 'qualified', 'basically-qualified', 'unqualified'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/** The grades as a ballot prints them. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  qualified: '合格',
  'basically-qualified': '基本合格',
  unqualified: '不合格',
};

export const APPRAISAL_STATUSES = ['none', 'open', 'closed'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

/**
 * Ballots cast on devices below which no result is shown, unless the server is configured to
 * more (never fewer than `MIN_DEVICE_BALLOTS_FLOOR`, see appraisalRound.ts).
 */
export const DEFAULT_MIN_BALLOTS = 3;

const userId = z.number().int().positive();
const userIds = z.array(userId).min(1).max(500);

/** `POST /api/meetings/:id/appraisal/open`: who votes and who is appraised. */
export const openAppraisalSchema = z
  .object({ voters: userIds, subjects: userIds })
  .strict()
  .refine((o) => new Set(o.voters).size === o.voters.length, 'voters listed twice')
  .refine((o) => new Set(o.subjects).size === o.subjects.length, 'subjects listed twice');
export type OpenAppraisalRequest = z.infer<typeof openAppraisalSchema>;

/**
 * The voter's secret: 32 random bytes, base64url, made and kept by the voter's browser. The
 * server stores only its hash beside the grades, and a voter changes their ballot by sending
 * the same key again; no record ties the ballot to who cast it.
 */
export const ballotKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte base64url key');

/** `PUT /api/meetings/:id/appraisal/ballot`: a grade for every member appraised. */
export const castBallotSchema = z
  .object({
    key: ballotKeySchema,
    /** By the member's user id (as a string: JSON keys). */
    grades: z.record(z.string().regex(/^[1-9][0-9]{0,14}$/), gradeSchema),
  })
  .strict();
export type CastBallotRequest = z.infer<typeof castBallotSchema>;

const count = z.number().int().min(0).max(10_000);

/** `PUT /api/meetings/:id/appraisal/paper`: the counts from the paper slips, entered by the host. */
export const paperBallotsSchema = z
  .object({
    /** How many paper slips were cast. */
    ballots: count,
    /** Per member (user id as a string), the slips giving each grade. */
    counts: z.record(z.string().regex(/^[1-9][0-9]{0,14}$/), z.record(gradeSchema, count)),
  })
  .strict();
export type PaperBallots = z.infer<typeof paperBallotsSchema>;

/** One member's outcome. */
export interface SubjectResult {
  subjectId: number;
  counts: Record<Grade, number>;
  /** The grade with the most votes; null when two or more share the most (see `tie`). */
  grade: Grade | null;
  /** The grades that share the most votes when there is a tie, for the branch to decide; else []. */
  tie: Grade[];
}

export interface AppraisalResult {
  /** Ballots counted: cast on devices plus paper slips. */
  ballots: number;
  paperBallots: number;
  subjects: SubjectResult[];
}

/** The round as everyone in the meeting sees it: never who voted how. */
export interface AppraisalView {
  meetingId: number;
  status: AppraisalStatus;
  voters: number[];
  subjects: number[];
  /** The most 优秀 one ballot may give: a third of the members appraised, rounded down. */
  maxExcellent: number;
  /** Ballots cast on devices needed for the result to be shown (paper slips never count). */
  minBallots: number;
  /** Ballots cast on devices so far (how many, never whose). */
  votedCount: number;
  /** Paper slips entered by the host, if any. */
  paper: PaperBallots | null;
  /** Shown once the host has closed the round with enough device ballots. */
  result: AppraisalResult | null;
  /** Closed without a result: too few ballots were cast on devices to show one. */
  resultWithheld: boolean;
  openedAt: number | null;
  closedAt: number | null;
}

/** What `GET …/appraisal` adds for the caller. */
export interface AppraisalCallerView extends AppraisalView {
  youMayVote: boolean;
  youHaveVoted: boolean;
}

/** The socket.io event (on `/meeting`, to the meeting's watchers) after every change of a round. */
export const APPRAISAL_EVENT = 'appraisal';
export interface AppraisalMessage {
  meetingId: number;
  appraisal: AppraisalView;
}
