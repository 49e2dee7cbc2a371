import { createHash } from 'node:crypto';
import {
  cancelRound,
  castBallot,
  closeRound,
  enterPaper,
  mayCast,
  openRound,
  roundView,
  type RoundStep,
} from '../../shared/appraisal/appraisalRound.js';
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
import { DomainError } from '../../shared/errors/DomainError.js';
import type { AccessUser } from '../meetings/MeetingAccess.js';
import { MeetingQueue } from '../meetings/MeetingQueue.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { refusalError } from '../meetings/refusalError.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { Refusal } from '../../shared/rights/rightsTypes.js';
import type { Meeting, Meetings } from '../meetings/Meetings.js';
import type { AppraisalRound, AppraisalRounds } from './AppraisalRounds.js';

export interface AppraisalDeps {
  rounds: AppraisalRounds;
  meetings: Meetings;
  /** The meeting's moderation state (roster, attendance) if the rule book lets the user `action` it. */
  stateFor(
    meetingId: number,
    user: AccessUser,
    action: Action,
  ): Promise<{ ok: true; state: MeetingState } | { ok: false; refusal: Refusal }>;
  audit: AuditLog;
  /** Ballots below which a round cannot close and no result is shown. */
  minBallots: number;
  /** Told `appraisalChanged` as everyone watching the meeting may see it (never who voted how). */
  events: DomainEvents;
  now?: () => number;
}

interface Context {
  meeting: Meeting;
  state: MeetingState;
  userId: number;
}

type Change = (round: AppraisalRound | null, context: Context) => AppraisalRound;

// Tries of a change that another instance's change overtook, each on a fresh read.
const ATTEMPTS = 5;

/**
 * 民主评议党员: the host opens a round for the members present, each voter casts one secret
 * ballot (changeable with their own secret until the close), the host may add paper slips, and
 * the result is shown once the host closes it with enough ballots cast on devices (else it
 * closes without one). The rules are in shared/appraisal/appraisalRound.ts. Votes are not
 * audited.
 */
export class AppraisalService {
  private readonly now: () => number;
  /** One change at a time per meeting here; other instances' changes are caught by revision. */
  private readonly queue = new MeetingQueue();

  constructor(private readonly deps: AppraisalDeps) {
    this.now = deps.now ?? Date.now;
  }

  async view(meetingId: number, user: AccessUser): Promise<AppraisalCallerView> {
    const { state } = await this.context(meetingId, user, 'appraisal.view');
    return this.callerView(meetingId, await this.deps.rounds.find(meetingId), state, user.id);
  }

  async open(
    meetingId: number,
    user: AccessUser,
    request: OpenAppraisalRequest,
    ip: string,
  ): Promise<AppraisalCallerView> {
    const open: Change = (round, { meeting, state }) => {
      if (meeting.kind !== 'organizational-life') {
        throw new DomainError('not_organizational');
      }
      if (meeting.status !== 'in-progress') {
        throw new DomainError('not_in_progress.appraisal');
      }
      const participants = new Set(
        state.roster.filter((r) => r.roles.includes('participant')).map((r) => r.userId),
      );
      const badVoters = request.voters.filter((id) => !participants.has(id) || isAway(state, id));
      if (badVoters.length > 0) {
        throw new DomainError('invalid_voters', { names: badVoters.join('、') });
      }
      const badSubjects = request.subjects.filter((id) => !participants.has(id));
      if (badSubjects.length > 0) {
        throw new DomainError('invalid_subjects', { names: badSubjects.join('、') });
      }
      const opened = accepted(
        openRound(round, request.voters, request.subjects, this.deps.minBallots),
      );
      return {
        ...opened,
        meetingId,
        revision: (round?.revision ?? 0) + 1,
        openedAt: this.now(),
        closedAt: null,
      };
    };
    return this.change(meetingId, user, 'appraisal.manage', ip, 'appraisal.opened', open);
  }

  async cast(
    meetingId: number,
    user: AccessUser,
    request: CastBallotRequest,
  ): Promise<AppraisalCallerView> {
    // No audit entry: its time and actor would sit beside the ballot's arrival.
    return this.change(
      meetingId,
      user,
      'appraisal.vote',
      null,
      null,
      (round, { state, userId }) => {
        const key = createHash('sha256').update(request.key).digest('hex');
        const voter = { userId, present: !isAway(state, userId) };
        const cast = accepted(castBallot(round, voter, key, request.grades));
        return { ...cast, revision: cast.revision + 1 };
      },
    );
  }

  async paper(
    meetingId: number,
    user: AccessUser,
    paper: PaperBallots,
    ip: string,
  ): Promise<AppraisalCallerView> {
    return this.change(meetingId, user, 'appraisal.manage', ip, 'appraisal.paper', (round) => {
      const entered = accepted(enterPaper(round, paper));
      return { ...entered, revision: entered.revision + 1 };
    });
  }

  async close(meetingId: number, user: AccessUser, ip: string): Promise<AppraisalCallerView> {
    return this.change(meetingId, user, 'appraisal.manage', ip, 'appraisal.closed', (round) => {
      // The ballots give way to their tally, shown only with enough device ballots.
      const closed = accepted(closeRound(round));
      return { ...closed, revision: closed.revision + 1, closedAt: this.now() };
    });
  }

  /** Discards an open round and its ballots (a mistake in the lists, say). */
  async cancel(meetingId: number, user: AccessUser, ip: string): Promise<AppraisalCallerView> {
    return this.change(meetingId, user, 'appraisal.manage', ip, 'appraisal.cancelled', (round) => {
      const cancelled = accepted(cancelRound(round));
      return { ...cancelled, revision: cancelled.revision + 1, openedAt: null };
    });
  }

  /** Reads, decides and writes; again from a fresh read if another instance came in between. */
  private change(
    meetingId: number,
    user: AccessUser,
    action: Action,
    ip: string | null,
    auditAction: string | null,
    decide: Change,
  ): Promise<AppraisalCallerView> {
    const userId = user.id;
    return this.queue.run(meetingId, async () => {
      for (let attempt = 1; ; attempt++) {
        const context = await this.context(meetingId, user, action);
        const round = await this.deps.rounds.find(meetingId);
        const next = decide(round, context);
        if (await this.deps.rounds.save(next, round?.revision ?? null)) {
          const view = this.callerView(meetingId, next, context.state, userId);
          await this.deps.events.emit(DomainEvent.appraisalChanged, publicView(view));
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
        if (attempt >= ATTEMPTS) throw new DomainError('conflict.appraisal');
      }
    });
  }

  private async context(meetingId: number, user: AccessUser, action: Action): Promise<Context> {
    const [meeting, found] = await Promise.all([
      this.deps.meetings.findById(meetingId),
      this.deps.stateFor(meetingId, user, action),
    ]);
    if (!found.ok) {
      const hostOnly = action === 'appraisal.manage' ? 'forbidden.host_only' : undefined;
      throw refusalError(found.refusal, hostOnly);
    }
    if (!meeting) throw refusalError('unseen');
    return { meeting, state: found.state, userId: user.id };
  }

  private callerView(
    meetingId: number,
    round: AppraisalRound | null,
    state: MeetingState,
    userId: number,
  ): AppraisalCallerView {
    const present = !isAway(state, userId);
    return {
      meetingId,
      ...roundView(round, this.deps.minBallots),
      openedAt: round?.openedAt ?? null,
      closedAt: round?.closedAt ?? null,
      youMayVote: mayCast(round, userId, present),
      youHaveVoted: round?.voted.includes(userId) ?? false,
    };
  }
}

function publicView(view: AppraisalCallerView): AppraisalView {
  const { youMayVote: _mayVote, youHaveVoted: _hasVoted, ...rest } = view;
  return rest;
}

/** The round the rules made, or their refusal. */
function accepted<R>(step: RoundStep<R>): R {
  if (step.ok) return step.round;
  throw step.refusal;
}
