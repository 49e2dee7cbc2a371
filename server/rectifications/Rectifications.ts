import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { LedgerQuery } from '../../shared/rectifications/rectificationSchemas.js';
import {
  RECTIFICATION_STATUSES,
  VERIFIABLE_STATUSES,
  type RectificationSource,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import type {
  DatabaseSchema,
  RectificationProgressTable,
  RectificationTable,
} from '../storage/DatabaseSchema.js';

/** 整改事项 as the rest of the server sees one; the row is mapped in `toRectification`. */
export interface Rectification {
  id: number;
  meetingId: number;
  branchId: number;
  /** 序号 within the meeting, from 1. */
  seq: number;
  source: RectificationSource;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  leaderUserId: number | null;
  ownerUserId: number;
  /** 'YYYY-MM-DD' or null. */
  deadline: string | null;
  /** 长期坚持. */
  longTerm: boolean;
  status: RectificationStatus;
  verifiedAt: number | null;
  verifiedBy: number | null;
  sentBackReason: string | null;
  subjectUserId: number | null;
  speechId: string | null;
  anchorDocument: string | null;
  /** Base64 of `Y.encodeRelativePosition`. */
  anchorStart: string | null;
  anchorEnd: string | null;
  anchorQuote: string | null;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
}

/** What an update may change. */
export type RectificationChanges = Partial<
  Omit<
    Rectification,
    'id' | 'meetingId' | 'branchId' | 'seq' | 'createdBy' | 'createdAt' | 'updatedAt'
  >
>;

export interface Progress {
  id: number;
  rectificationId: number;
  authorUserId: number;
  note: string;
  /** 'YYYY-MM-DD' */
  notedOn: string;
  createdAt: number;
}

export interface NewRectification {
  meetingId: number;
  branchId: number;
  source: RectificationSource;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  leaderUserId: number | null;
  ownerUserId: number;
  deadline: string | null;
  longTerm: boolean;
  status: RectificationStatus;
  subjectUserId: number | null;
  speechId: string | null;
  anchor: { document: string; start: string; end: string; quote: string } | null;
  createdBy: number;
}

/** Which items a ledger reader may see: the whole branch, or only meetings they were in. */
export type LedgerScope = { branchId: number; memberOf: number | null };

/** The ledger's row filters; `today` decides what is overdue. */
export type LedgerFilter = Omit<LedgerQuery, 'sort' | 'page' | 'pageSize'> & { today: string };

/** The rectifications table and its progress notes. */
export class Rectifications {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Inserts the item with the meeting's next 序号. */
  async create(item: NewRectification): Promise<Rectification> {
    const row = await this.db.transaction().execute(async (trx) => {
      // A no-op write locks the meeting's row on PostgreSQL, so that two items created at once
      // take their numbers one after the other (SQLite runs one write transaction at a time).
      await trx
        .updateTable('meetings')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('id', '=', item.meetingId)
        .execute();
      const { last } = await trx
        .selectFrom('rectifications')
        .select((eb) => eb.fn.max('seq').as('last'))
        .where('meeting_id', '=', item.meetingId)
        .executeTakeFirstOrThrow();
      const at = this.now();
      return trx
        .insertInto('rectifications')
        .values({
          meeting_id: item.meetingId,
          branch_id: item.branchId,
          seq: Number(last ?? 0) + 1,
          source: item.source,
          aspect: item.aspect,
          problem: item.problem,
          goal: item.goal,
          measures: item.measures,
          leader_user_id: item.leaderUserId,
          owner_user_id: item.ownerUserId,
          deadline: item.deadline,
          long_term: item.longTerm ? 1 : 0,
          status: item.status,
          verified_at: null,
          verified_by: null,
          sent_back_reason: null,
          subject_user_id: item.subjectUserId,
          speech_id: item.speechId,
          anchor_document: item.anchor?.document ?? null,
          anchor_start: item.anchor?.start ?? null,
          anchor_end: item.anchor?.end ?? null,
          anchor_quote: item.anchor?.quote ?? null,
          created_by: item.createdBy,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toRectification(row);
  }

  async findById(id: number): Promise<Rectification | undefined> {
    const row = await this.db
      .selectFrom('rectifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRectification(row);
  }

  async listForMeeting(meetingId: number): Promise<Rectification[]> {
    const rows = await this.db
      .selectFrom('rectifications')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
    return rows.map(toRectification);
  }

  /**
   * Changes columns only if the row still says what `expected` says of them (its status and
   * verification), so a change decided on a stale read does nothing; resolves the new row or null.
   */
  async update(row: Rectification, changes: RectificationChanges): Promise<Rectification | null> {
    let q = this.db
      .updateTable('rectifications')
      .set({ ...toColumns(changes), updated_at: this.now() })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('updated_at', '=', row.updatedAt);
    q = row.verifiedAt === null ? q.where('verified_at', 'is', null) : q;
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    return (await this.findById(row.id)) ?? null;
  }

  async addProgress(
    rectificationId: number,
    authorId: number,
    note: string,
    notedOn: string,
  ): Promise<Progress> {
    return this.db.transaction().execute(async (trx) => {
      const at = this.now();
      const row = await trx
        .insertInto('rectification_progress')
        .values({
          rectification_id: rectificationId,
          author_user_id: authorId,
          note,
          noted_on: notedOn,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('rectifications')
        .set({ updated_at: at })
        .where('id', '=', rectificationId)
        .execute();
      return toProgress(row);
    });
  }

  /** Progress notes of the items, oldest first (by day, then as entered). */
  async progressOf(rectificationIds: readonly number[]): Promise<Progress[]> {
    if (rectificationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('rectification_progress')
      .selectAll()
      .where('rectification_id', 'in', [...rectificationIds])
      .orderBy('noted_on')
      .orderBy('id')
      .execute();
    return rows.map(toProgress);
  }

  /** One page of the ledger and how many items match in all. */
  async ledger(
    scope: LedgerScope,
    filter: LedgerFilter,
    sort: LedgerQuery['sort'],
    page: { offset: number; limit: number },
  ): Promise<{ rows: Rectification[]; total: number }> {
    let q = this.db.selectFrom('rectifications').where('branch_id', '=', scope.branchId);
    if (scope.memberOf !== null) {
      const userId = scope.memberOf;
      q = q.where('meeting_id', 'in', (eb) =>
        eb.selectFrom('meeting_participants').select('meeting_id').where('user_id', '=', userId),
      );
    }
    if (filter.meetingId !== undefined) q = q.where('meeting_id', '=', filter.meetingId);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.ownerId !== undefined) q = q.where('owner_user_id', '=', filter.ownerId);
    if (filter.aspect !== undefined) q = q.where('aspect', '=', filter.aspect);
    if (filter.overdue !== undefined) {
      // The SQL twin of isOverdue() in shared/rectifications/rectificationCodes.ts.
      const overdue = sql<boolean>`(deadline IS NOT NULL AND deadline < ${filter.today}
        AND long_term = 0 AND verified_at IS NULL
        AND status NOT IN (${sql.join([...VERIFIABLE_STATUSES])}))`;
      q = q.where(filter.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
    }
    const { total } = await q
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    let rows = q.selectAll();
    if (sort === 'deadline') {
      rows = rows
        .orderBy(sql`deadline IS NULL`)
        .orderBy('deadline')
        .orderBy('meeting_id');
    } else if (sort === 'status') {
      const rank = RECTIFICATION_STATUSES.map(
        (status, i) => sql`WHEN ${status} THEN ${sql.lit(i)}`,
      );
      rows = rows.orderBy(
        sql`CASE status ${sql.join(rank, sql` `)} ELSE ${sql.lit(rank.length)} END`,
      );
    } else if (sort === 'updated') {
      rows = rows.orderBy('updated_at', 'desc').orderBy('id', 'desc');
    } else {
      rows = rows.orderBy('meeting_id', 'desc');
    }
    const found = await rows
      .orderBy('seq')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: found.map(toRectification), total: Number(total) };
  }
}

function toRectification(row: Selectable<RectificationTable>): Rectification {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    branchId: row.branch_id,
    seq: row.seq,
    source: row.source,
    aspect: row.aspect,
    problem: row.problem,
    goal: row.goal,
    measures: row.measures,
    leaderUserId: row.leader_user_id,
    ownerUserId: row.owner_user_id,
    deadline: row.deadline,
    // 0/1; Number() as the views always read it.
    longTerm: Number(row.long_term) === 1,
    status: row.status,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    sentBackReason: row.sent_back_reason,
    subjectUserId: row.subject_user_id,
    speechId: row.speech_id,
    anchorDocument: row.anchor_document,
    anchorStart: row.anchor_start,
    anchorEnd: row.anchor_end,
    anchorQuote: row.anchor_quote,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of the changes; those left undefined are not written (Kysely skips them). */
function toColumns(c: RectificationChanges): Updateable<RectificationTable> {
  return {
    source: c.source,
    aspect: c.aspect,
    problem: c.problem,
    goal: c.goal,
    measures: c.measures,
    leader_user_id: c.leaderUserId,
    owner_user_id: c.ownerUserId,
    deadline: c.deadline,
    long_term: c.longTerm === undefined ? undefined : c.longTerm ? 1 : 0,
    status: c.status,
    verified_at: c.verifiedAt,
    verified_by: c.verifiedBy,
    sent_back_reason: c.sentBackReason,
    subject_user_id: c.subjectUserId,
    speech_id: c.speechId,
    anchor_document: c.anchorDocument,
    anchor_start: c.anchorStart,
    anchor_end: c.anchorEnd,
    anchor_quote: c.anchorQuote,
  };
}

function toProgress(row: Selectable<RectificationProgressTable>): Progress {
  return {
    id: row.id,
    rectificationId: row.rectification_id,
    authorUserId: row.author_user_id,
    note: row.note,
    notedOn: row.noted_on,
    createdAt: row.created_at,
  };
}
