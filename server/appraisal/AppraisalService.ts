import { createHash } from 'node:crypto';
import {
  ballotProblem,
  maxExcellent,
  paperProblem,
  tally,
} from '../../shared/appraisal/appraisalRules.js';
import type {
  AppraisalCallerView,
  AppraisalView,
  CastBallotRequest,
  OpenAppraisalRequest,
  PaperBallots,
} from '../../shared/appraisal/appraisalSchemas.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import { isAway } from '../../shared/moderation/speakingOrder.js';
import type { AuditLog } from '../auth/AuditLog.js';
import { HttpError } from '../http/HttpError.js';
import { MeetingQueue } from '../meetings/MeetingQueue.js';
import type { MeetingRow, Meetings } from '../meetings/Meetings.js';
import type { AppraisalRound, AppraisalRounds } from './AppraisalRounds.js';

export interface AppraisalDeps {
  rounds: AppraisalRounds;
  meetings: Meetings;
  /** The meeting's moderation state for someone in it (its roster and attendance), else null. */
  stateFor(meetingId: number, userId: number): Promise<MeetingState | null>;
  audit: AuditLog;
  /** Ballots below which a round cannot close and no result is shown. */
  minBallots: number;
  /** Tells everyone watching the meeting (never who voted how). */
  publish(view: AppraisalView): void;
  now?: () => number;
}

interface Context {
  meeting: MeetingRow;
  state: MeetingState;
  userId: number;
}

// Tries of a change that another instance's change overtook, each on a fresh read.
const ATTEMPTS = 5;

/**
 * 民主评议党员: the host opens a round for the members present, each voter casts one secret
 * ballot (changeable with their own secret until the close), the host may add paper slips, and
 * the result is shown once the host closes it with enough ballots. Votes are not audited.
 */
export class AppraisalService {
  private readonly now: () => number;
  /** One change at a time per meeting here; other instances' changes are caught by revision. */
  private readonly queue = new MeetingQueue();

  constructor(private readonly deps: AppraisalDeps) {
    this.now = deps.now ?? Date.now;
  }

  async view(meetingId: number, userId: number): Promise<AppraisalCallerView> {
    const { state } = await this.context(meetingId, userId);
    return this.callerView(meetingId, await this.deps.rounds.find(meetingId), state, userId);
  }

  async open(
    meetingId: number,
    userId: number,
    request: OpenAppraisalRequest,
    ip: string,
  ): Promise<AppraisalCallerView> {
    return this.change(meetingId, userId, ip, 'appraisal.opened', (round, { meeting, state }) => {
      requireHost(state, userId);
      if (meeting.kind !== 'organizational-life') {
        throw new HttpError(400, 'not_organizational', '民主评议党员只在组织生活会中进行');
      }
      if (meeting.status !== 'in-progress') {
        throw new HttpError(409, 'not_in_progress', '会议进行中才能开始评议投票');
      }
      if (round?.status === 'open') throw new HttpError(409, 'appraisal_open', '评议投票已经开始');
      if (round?.status === 'closed')
        throw new HttpError(409, 'appraisal_closed', '本次评议已结束');
      const participants = new Set(
        state.roster.filter((r) => r.roles.includes('participant')).map((r) => r.userId),
      );
      const badVoters = request.voters.filter((id) => !participants.has(id) || isAway(state, id));
      if (badVoters.length > 0) {
        throw new HttpError(
          400,
          'invalid_voters',
          `不能投票的人员（非党员或缺席）：${badVoters.join('、')}`,
        );
      }
      const badSubjects = request.subjects.filter((id) => !participants.has(id));
      if (badSubjects.length > 0) {
        throw new HttpError(
          400,
          'invalid_subjects',
          `不是本次会议的党员：${badSubjects.join('、')}`,
        );
      }
      return {
        meetingId,
        status: 'open',
        revision: (round?.revision ?? 0) + 1,
        voters: request.voters,
        subjects: request.subjects,
        voted: [],
        ballots: [],
        paper: null,
        result: null,
        minBallots: this.deps.minBallots,
        openedAt: this.now(),
        closedAt: null,
      };
    });
  }

  async cast(
    meetingId: number,
    userId: number,
    request: CastBallotRequest,
  ): Promise<AppraisalCallerView> {
    // No audit entry: its time and actor would sit beside the ballot's arrival.
    return this.change(meetingId, userId, null, null, (round, { state }) => {
      const open = requireOpen(round);
      if (!open.voters.includes(userId) || isAway(state, userId)) {
        throw new HttpError(403, 'not_a_voter', '您不在本轮评议的投票人之列');
      }
      const problem = ballotProblem(open.subjects, request.grades);
      if (problem?.code === 'too_many_excellent') {
        throw new HttpError(
          400,
          'too_many_excellent',
          `“优秀”最多 ${problem.max} 人（参评 ${open.subjects.length} 人的三分之一），本票选了 ${problem.excellent} 人`,
        );
      }
      if (problem) throw new HttpError(400, problem.code, '每位参评党员都要评定一个等次');
      const key = createHash('sha256').update(request.key).digest('hex');
      const mine = open.ballots.find((b) => b.key === key);
      if (!mine && open.voted.includes(userId)) {
        throw new HttpError(409, 'already_voted', '您已投票；如需修改，请在投票时所用的设备上修改');
      }
      if (mine && !open.voted.includes(userId)) {
        throw new HttpError(409, 'key_in_use', '这张选票的密钥已被使用，请刷新后重试');
      }
      if (!mine && open.voted.length + (open.paper?.ballots ?? 0) >= open.voters.length) {
        throw new HttpError(409, 'too_many_ballots', '选票数已达投票人数');
      }
      const ballots = open.ballots.filter((b) => b.key !== key);
      ballots.push({ key, grades: request.grades });
      const voted = mine ? open.voted : [...open.voted, userId];
      return { ...open, revision: open.revision + 1, ballots, voted };
    });
  }

  async paper(
    meetingId: number,
    userId: number,
    paper: PaperBallots,
    ip: string,
  ): Promise<AppraisalCallerView> {
    return this.change(meetingId, userId, ip, 'appraisal.paper', (round, { state }) => {
      requireHost(state, userId);
      const open = requireOpen(round);
      const problem = paperProblem(open.subjects, paper);
      if (problem) throw new HttpError(400, 'invalid_paper', problem);
      if (open.voted.length + paper.ballots > open.voters.length) {
        throw new HttpError(409, 'too_many_ballots', '纸质票与电子票合计超过投票人数');
      }
      return { ...open, revision: open.revision + 1, paper };
    });
  }

  async close(meetingId: number, userId: number, ip: string): Promise<AppraisalCallerView> {
    return this.change(meetingId, userId, ip, 'appraisal.closed', (round, { state }) => {
      requireHost(state, userId);
      const open = requireOpen(round);
      const cast = open.ballots.length + (open.paper?.ballots ?? 0);
      if (cast < open.minBallots) {
        throw new HttpError(
          409,
          'too_few_ballots',
          `至少 ${open.minBallots} 张选票才能结束投票（现有 ${cast} 张）`,
        );
      }
      // The ballots give way to their tally: after the close nothing finer than counts is kept.
      const result = tally(
        open.subjects,
        open.ballots.map((b) => b.grades),
        open.paper,
      );
      return {
        ...open,
        revision: open.revision + 1,
        status: 'closed',
        ballots: [],
        result,
        closedAt: this.now(),
      };
    });
  }

  /** Discards an open round and its ballots (a mistake in the lists, say). */
  async cancel(meetingId: number, userId: number, ip: string): Promise<AppraisalCallerView> {
    return this.change(meetingId, userId, ip, 'appraisal.cancelled', (round, { state }) => {
      requireHost(state, userId);
      const open = requireOpen(round);
      return {
        ...open,
        revision: open.revision + 1,
        status: 'none',
        voters: [],
        subjects: [],
        voted: [],
        ballots: [],
        paper: null,
        openedAt: null,
      };
    });
  }

  /** Reads, decides and writes; again from a fresh read if another instance came in between. */
  private change(
    meetingId: number,
    userId: number,
    ip: string | null,
    auditAction: string | null,
    decide: (round: AppraisalRound | null, context: Context) => AppraisalRound,
  ): Promise<AppraisalCallerView> {
    return this.queue.run(meetingId, async () => {
      for (let attempt = 1; ; attempt++) {
        const context = await this.context(meetingId, userId);
        const round = await this.deps.rounds.find(meetingId);
        const next = decide(round, context);
        if (await this.deps.rounds.save(next, round?.revision ?? null)) {
          const view = this.callerView(meetingId, next, context.state, userId);
          this.deps.publish(publicView(view));
          if (auditAction) {
            await this.deps.audit.record({
              action: auditAction,
              actorId: userId,
              subject: `meeting:${meetingId}`,
              ip: ip ?? undefined,
              detail: { voters: next.voters.length, subjects: next.subjects.length },
            });
          }
          return view;
        }
        if (attempt >= ATTEMPTS) throw new HttpError(409, 'conflict', '评议状态刚被更新，请重试');
      }
    });
  }

  private async context(meetingId: number, userId: number): Promise<Context> {
    const [meeting, state] = await Promise.all([
      this.deps.meetings.findById(meetingId),
      this.deps.stateFor(meetingId, userId),
    ]);
    if (!meeting || !state) throw new HttpError(404, 'not_found', '会议不存在 (no such meeting)');
    return { meeting, state, userId };
  }

  private callerView(
    meetingId: number,
    round: AppraisalRound | null,
    state: MeetingState,
    userId: number,
  ): AppraisalCallerView {
    const status = round?.status ?? 'none';
    const voters = round?.voters ?? [];
    return {
      meetingId,
      status,
      voters,
      subjects: round?.subjects ?? [],
      maxExcellent: maxExcellent(round?.subjects.length ?? 0),
      minBallots: round?.minBallots ?? this.deps.minBallots,
      votedCount: round?.voted.length ?? 0,
      paper: round?.paper ?? null,
      result: status === 'closed' ? (round?.result ?? null) : null,
      openedAt: round?.openedAt ?? null,
      closedAt: round?.closedAt ?? null,
      youMayVote: status === 'open' && mayCast(round, state, userId),
      youHaveVoted: round?.voted.includes(userId) ?? false,
    };
  }
}

/** A voter present who has voted (and may change it), or for whom a ballot is still left. */
function mayCast(round: AppraisalRound | null, state: MeetingState, userId: number): boolean {
  if (!round?.voters.includes(userId) || isAway(state, userId)) return false;
  const left = round.voters.length - round.voted.length - (round.paper?.ballots ?? 0);
  return round.voted.includes(userId) || left > 0;
}

function publicView(view: AppraisalCallerView): AppraisalView {
  const { youMayVote: _mayVote, youHaveVoted: _hasVoted, ...rest } = view;
  return rest;
}

function requireHost(state: MeetingState, userId: number): void {
  const roles = state.roster.find((r) => r.userId === userId)?.roles ?? [];
  if (!roles.includes('host')) throw new HttpError(403, 'forbidden', '只有主持人可以进行此操作');
}

function requireOpen(round: AppraisalRound | null): AppraisalRound {
  if (round?.status !== 'open') {
    throw new HttpError(409, 'appraisal_not_open', '评议投票未在进行');
  }
  return round;
}
