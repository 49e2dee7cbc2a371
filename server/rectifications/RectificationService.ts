import type { RectificationStatus } from '../../shared/rectifications/rectificationCodes.js';
import type {
  AddProgressRequest,
  CreateRectificationRequest,
  LedgerQuery,
  UpdateRectificationRequest,
} from '../../shared/rectifications/rectificationSchemas.js';
import type {
  LedgerPage,
  RectificationDetailView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import type { User } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { Branches } from '../branches/Branches.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { Meeting } from '../meetings/Meetings.js';
import type { Actor } from '../meetings/MeetingService.js';
import type { InMeeting, RectificationAccess } from './RectificationAccess.js';
import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type { RightsCaller } from '../../shared/rights/rightsTypes.js';
import { can } from '../../shared/rights/can.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { assertCompleted, assertNotVerified } from './rectificationChecks.js';
import type { Rectification, RectificationChanges, Rectifications } from './Rectifications.js';
import type { RectificationViews } from './RectificationViews.js';

export interface RectificationServiceDeps {
  items: Rectifications;
  views: RectificationViews;
  access: RectificationAccess;
  branches: Branches;
  audit: AuditLog;
  /** Told `rectificationChanged` as everyone watching the meeting may see the item. */
  events: DomainEvents;
  now?: () => number;
}

// Tries of a change that another change overtook, each on a fresh read.
const ATTEMPTS = 5;

/**
 * 整改事项: managers and the recorder record them; owners and leaders report progress and move
 * the status; the secretary, deputy or host closes them off (销号) or sends them back. Every
 * change is audited and published to the meeting's room.
 */
export class RectificationService {
  private readonly now: () => number;

  constructor(private readonly deps: RectificationServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Every item of the meeting, by 序号, for the exports: no check of who asks, no live texts. */
  async listForMeeting(meetingId: number): Promise<RectificationView[]> {
    return this.deps.views.views(await this.deps.items.listForMeeting(meetingId), null);
  }

  async list(meetingId: number, user: User): Promise<RectificationView[]> {
    await this.deps.access.meeting(meetingId, user);
    return this.deps.views.views(await this.deps.items.listForMeeting(meetingId), user);
  }

  async get(id: number, user: User): Promise<RectificationDetailView> {
    const { item } = await this.deps.access.item(id, user);
    return this.deps.views.detail(item, user);
  }

  async create(
    meetingId: number,
    user: User,
    request: CreateRectificationRequest,
    actor: Actor,
  ): Promise<RectificationDetailView> {
    const meeting = await this.checkCreate(meetingId, user, request);
    const row = await this.deps.items.create({
      meetingId: meeting.id,
      branchId: meeting.branchId,
      source: request.source,
      aspect: request.aspect ?? '',
      problem: request.problem,
      goal: request.goal ?? '',
      measures: request.measures ?? '',
      leaderUserId: request.leaderUserId ?? null,
      ownerUserId: request.ownerUserId,
      deadline: request.deadline ?? null,
      longTerm: request.longTerm ?? false,
      status: request.status ?? 'not-started',
      subjectUserId: request.subjectUserId ?? null,
      speechId: request.speechId ?? null,
      anchor: request.anchor ?? null,
      createdBy: user.id,
    });
    return this.changed(row, user, actor, 'rectification.create', {
      seq: row.seq,
      source: row.source,
    });
  }

  /** What creating an item needs, checked without creating it; resolves the meeting. */
  async checkCreate(
    meetingId: number,
    user: User,
    request: Pick<
      CreateRectificationRequest,
      'ownerUserId' | 'leaderUserId' | 'subjectUserId' | 'anchor'
    >,
  ): Promise<Meeting> {
    const found = await this.deps.access.meeting(meetingId, user);
    const { meeting } = found;
    this.deps.access.assert(found, 'rectification.edit', 'forbidden.rectification_create');
    if (meeting.status === 'draft') {
      throw new DomainError('meeting_draft');
    }
    await this.deps.access.assertPeople(meeting, request);
    this.deps.access.assertAnchor(meeting, request.anchor);
    return meeting;
  }

  async update(
    id: number,
    user: User,
    request: UpdateRectificationRequest,
    actor: Actor,
  ): Promise<RectificationDetailView> {
    return this.change(id, user, actor, 'rectification.update', async (found) => {
      const { meeting, item } = found;
      this.deps.access.assert(found, 'rectification.edit', 'forbidden.rectification_edit');
      assertNotVerified(item);
      await this.deps.access.assertPeople(meeting, request);
      this.deps.access.assertAnchor(meeting, request.anchor);
      const { anchor } = request;
      const changes: RectificationChanges = {
        source: request.source,
        aspect: request.aspect,
        problem: request.problem,
        goal: request.goal,
        measures: request.measures,
        leaderUserId: request.leaderUserId,
        ownerUserId: request.ownerUserId,
        deadline: request.deadline,
        longTerm: request.longTerm,
        subjectUserId: request.subjectUserId,
        speechId: request.speechId,
        ...(anchor === undefined
          ? {}
          : {
              anchorDocument: anchor?.document ?? null,
              anchorStart: anchor?.start ?? null,
              anchorEnd: anchor?.end ?? null,
              anchorQuote: anchor?.quote ?? null,
            }),
      };
      return { changes, detail: { fields: Object.keys(request) } };
    });
  }

  async addProgress(
    id: number,
    user: User,
    request: AddProgressRequest,
    actor: Actor,
  ): Promise<RectificationDetailView> {
    const found = await this.deps.access.item(id, user);
    const { item } = found;
    this.deps.access.assert(found, 'rectification.report', 'forbidden.rectification_report');
    const note = await this.deps.items.addProgress(item.id, user.id, request.note, request.notedOn);
    const row = (await this.deps.items.findById(item.id))!;
    return this.changed(row, user, actor, 'rectification.progress', {
      progressId: note.id,
      notedOn: note.notedOn,
    });
  }

  async setStatus(
    id: number,
    user: User,
    status: RectificationStatus,
    actor: Actor,
  ): Promise<RectificationDetailView> {
    return this.change(id, user, actor, 'rectification.status', (found) => {
      const { item } = found;
      this.deps.access.assert(found, 'rectification.report', 'forbidden.rectification_status');
      assertNotVerified(item);
      return { changes: { status }, detail: { from: item.status, to: status } };
    });
  }

  /** 销号 */
  async verify(id: number, user: User, actor: Actor): Promise<RectificationDetailView> {
    return this.change(id, user, actor, 'rectification.verify', (found) => {
      const { item } = found;
      this.deps.access.assert(found, 'rectification.verify', 'forbidden.rectification_verify');
      assertNotVerified(item);
      assertCompleted(item);
      return {
        changes: { verifiedAt: this.now(), verifiedBy: user.id, sentBackReason: null },
        detail: { status: item.status },
      };
    });
  }

  /** Not good enough yet: back to 推进中, with the reason, and any 销号 undone. */
  async sendBack(
    id: number,
    user: User,
    reason: string,
    actor: Actor,
  ): Promise<RectificationDetailView> {
    return this.change(id, user, actor, 'rectification.sendBack', (found) => {
      const { item } = found;
      this.deps.access.assert(found, 'rectification.verify', 'forbidden.rectification_return');
      assertCompleted(item);
      return {
        changes: {
          status: 'in-progress' satisfies RectificationStatus,
          verifiedAt: null,
          verifiedBy: null,
          sentBackReason: reason,
        },
        detail: { from: item.status, wasVerified: item.verifiedAt !== null, reason },
      };
    });
  }

  /**
   * The branch's ledger: everything for its secretary, deputy and committee; for anyone else
   * (members, a site admin) the items of the meetings they were in.
   */
  async ledger(branchId: number, user: User, query: LedgerQuery): Promise<LedgerPage> {
    const role = await this.deps.branches.roleOf(branchId, user.id);
    const { sort, page, pageSize, ...filter } = query;
    const { rows, total } = await this.deps.items.ledger(
      {
        branchId,
        memberOf: can(ledgerReader(user.id, role), 'ledger.readBranch', {}) ? null : user.id,
      },
      { ...filter, today: this.deps.views.today() },
      sort,
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return { items: await this.deps.views.views(rows, user), total };
  }

  /** Reads, decides and writes; again from a fresh read if another change came in between. */
  private async change(
    id: number,
    user: User,
    actor: Actor,
    action: string,
    decide: (
      found: InMeeting & { item: Rectification },
    ) =>
      | { changes: RectificationChanges; detail: Record<string, unknown> }
      | Promise<{ changes: RectificationChanges; detail: Record<string, unknown> }>,
  ): Promise<RectificationDetailView> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.deps.access.item(id, user);
      const { changes, detail } = await decide(found);
      const row = await this.deps.items.update(found.item, changes);
      if (row) return this.changed(row, user, actor, action, detail);
      if (attempt >= ATTEMPTS) {
        throw new DomainError('conflict.rectification');
      }
    }
  }

  private async changed(
    row: Rectification,
    user: User,
    actor: Actor,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<RectificationDetailView> {
    await this.deps.audit.record({
      action,
      actorId: actor.id,
      subject: `rectification:${row.id}`,
      ip: actor.ip,
      detail: { meetingId: row.meetingId, ...detail },
    });
    const view = await this.deps.views.detail(row, user);
    const { progress: _all, anchor, ...published } = view;
    // Not everyone watching may read the linked document: its text now is left out.
    await this.deps.events.emit(DomainEvent.rectificationChanged, {
      ...published,
      anchor: anchor && { ...anchor, current: null },
    });
    return view;
  }
}

/** The caller as a branch knows them, for the ledger's question. */
function ledgerReader(userId: number, branchRole: BranchRole | null): RightsCaller {
  return { userId, isAdmin: false, branchRole, roles: [] };
}
