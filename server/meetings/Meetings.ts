import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MeetingMember } from '../../shared/meetings/meetingDocuments.js';
import {
  MEETING_ROLES,
  type MeetingKind,
  type MeetingParticipantView,
  type MeetingRole,
  type MeetingStatus,
  type ParticipantEntry,
} from '../../shared/meetings/meetingSchemas.js';
import type { DatabaseSchema, MeetingTable } from '../storage/DatabaseSchema.js';

/** A meeting as the rest of the server sees one; the `meetings` row is mapped in `toMeeting`. */
export interface Meeting {
  id: number;
  branchId: number;
  kind: MeetingKind;
  title: string;
  year: number;
  theme: string;
  aspects: string[];
  scheduledAt: number | null;
  location: string | null;
  status: MeetingStatus;
  templateId: string | null;
  previousMeetingId: number | null;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewMeeting {
  branchId: number;
  kind: MeetingKind;
  title: string;
  year: number;
  theme: string;
  aspects: readonly string[];
  scheduledAt: number | null;
  location: string | null;
  templateId: string | null;
  createdBy: number;
}

export interface MeetingChanges {
  title?: string;
  theme?: string;
  year?: number;
  aspects?: readonly string[];
  scheduledAt?: number | null;
  location?: string | null;
}

/** Meetings (生活会), their participants with meeting roles, and which documents were created. */
export class Meetings {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a draft meeting, linked to the branch's latest meeting of the same kind. */
  async create(m: NewMeeting): Promise<Meeting> {
    const row = await this.db.transaction().execute(async (trx) => {
      const previous = await trx
        .selectFrom('meetings')
        .select('id')
        .where('branch_id', '=', m.branchId)
        .where('kind', '=', m.kind)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const at = this.now();
      return trx
        .insertInto('meetings')
        .values({
          branch_id: m.branchId,
          kind: m.kind,
          title: m.title,
          year: m.year,
          theme: m.theme,
          aspects: JSON.stringify(m.aspects),
          scheduled_at: m.scheduledAt,
          location: m.location,
          status: 'draft' satisfies MeetingStatus,
          template_id: m.templateId,
          previous_meeting_id: previous?.id ?? null,
          created_by: m.createdBy,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toMeeting(row);
  }

  async findById(id: number): Promise<Meeting | undefined> {
    const row = await this.db
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMeeting(row);
  }

  /** The branch's meetings, the latest scheduled first (unscheduled ones by creation). */
  async listForBranch(branchId: number): Promise<Meeting[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .selectAll()
      .where('branch_id', '=', branchId)
      .orderBy('scheduled_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toMeeting);
  }

  /** Meetings the user has a role in, or whose branch they are secretary of; latest first. */
  async listForUser(userId: number): Promise<Meeting[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('meeting_participants')
              .select('meeting_id')
              .where('user_id', '=', userId),
          ),
          eb(
            'branch_id',
            'in',
            eb
              .selectFrom('branch_members')
              .select('branch_id')
              .where('user_id', '=', userId)
              .where('role', '=', 'secretary'),
          ),
        ]),
      )
      .orderBy('scheduled_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toMeeting);
  }

  async update(id: number, changes: MeetingChanges): Promise<void> {
    await this.db
      .updateTable('meetings')
      .set({
        title: changes.title,
        theme: changes.theme,
        year: changes.year,
        aspects: changes.aspects && JSON.stringify(changes.aspects),
        scheduled_at: changes.scheduledAt,
        location: changes.location,
        updated_at: this.now(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Moves the status only if it still is `from`; resolves false if someone moved it first. */
  async setStatus(id: number, from: MeetingStatus, to: MeetingStatus): Promise<boolean> {
    const result = await this.db
      .updateTable('meetings')
      .set({ status: to, updated_at: this.now() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Everyone in the meeting with their roles and their role in its branch, by user id. */
  async participants(meeting: Meeting): Promise<MeetingParticipantView[]> {
    const rows = await this.db
      .selectFrom('meeting_participants as p')
      .innerJoin('users', 'users.id', 'p.user_id')
      .leftJoin('branch_members as b', (join) =>
        join.onRef('b.user_id', '=', 'p.user_id').on('b.branch_id', '=', meeting.branchId),
      )
      .select([
        'p.user_id as userId',
        'users.username',
        'users.display_name as displayName',
        'p.role',
        'b.role as branchRole',
      ])
      .where('p.meeting_id', '=', meeting.id)
      .orderBy('p.user_id')
      .execute();
    const byUser = new Map<number, MeetingParticipantView>();
    for (const r of rows) {
      let view = byUser.get(r.userId);
      if (!view) {
        view = {
          userId: r.userId,
          username: r.username,
          displayName: r.displayName,
          roles: [],
          branchRole: r.branchRole,
        };
        byUser.set(r.userId, view);
      }
      view.roles.push(r.role);
    }
    for (const view of byUser.values()) view.roles.sort(byRoleOrder);
    return [...byUser.values()];
  }

  /** The meeting's members as the document rules need them. */
  async members(meetingId: number): Promise<MeetingMember[]> {
    return toMembers(
      await this.db
        .selectFrom('meeting_participants')
        .select(['user_id', 'role'])
        .where('meeting_id', '=', meetingId)
        .orderBy('user_id')
        .execute(),
    );
  }

  /** The user's roles in each of these meetings (meetings without any are left out). */
  async rolesOf(
    userId: number,
    meetingIds: readonly number[],
  ): Promise<Map<number, MeetingRole[]>> {
    if (meetingIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('meeting_participants')
      .select(['meeting_id', 'role'])
      .where('user_id', '=', userId)
      .where('meeting_id', 'in', [...meetingIds])
      .execute();
    const byMeeting = new Map<number, MeetingRole[]>();
    for (const r of rows) {
      const roles = byMeeting.get(r.meeting_id) ?? [];
      roles.push(r.role);
      byMeeting.set(r.meeting_id, roles.sort(byRoleOrder));
    }
    return byMeeting;
  }

  /** Replaces the participant list in one transaction. */
  async replaceParticipants(
    meetingId: number,
    entries: readonly ParticipantEntry[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx: Transaction<DatabaseSchema>) => {
      // Touching the meeting first locks its row on PostgreSQL, so that racing replacements
      // run one after the other instead of inserting the same rows twice.
      await trx
        .updateTable('meetings')
        .set({ updated_at: this.now() })
        .where('id', '=', meetingId)
        .execute();
      await trx.deleteFrom('meeting_participants').where('meeting_id', '=', meetingId).execute();
      if (entries.length > 0) {
        await trx
          .insertInto('meeting_participants')
          .values(entries.map((e) => ({ meeting_id: meetingId, user_id: e.userId, role: e.role })))
          .execute();
      }
    });
  }

  /**
   * Records that a document was created; resolves true only for the one caller that recorded
   * it, so that its opening content is written once however many requests race.
   */
  async claimDocument(meetingId: number, name: string): Promise<boolean> {
    const result = await this.db
      .insertInto('meeting_documents')
      .values({ meeting_id: meetingId, name, created_at: this.now() })
      .onConflict((oc) => oc.columns(['meeting_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async documentNames(meetingId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('meeting_documents')
      .select('name')
      .where('meeting_id', '=', meetingId)
      .execute();
    return rows.map((r) => r.name);
  }

  /** Forgets a claim whose content could not be written, so the next attempt writes it. */
  async releaseDocument(meetingId: number, name: string): Promise<void> {
    await this.db
      .deleteFrom('meeting_documents')
      .where('meeting_id', '=', meetingId)
      .where('name', '=', name)
      .execute();
  }
}

function toMembers(rows: Array<{ user_id: number; role: MeetingRole }>): MeetingMember[] {
  const byUser = new Map<number, MeetingRole[]>();
  for (const r of rows) {
    const roles = byUser.get(r.user_id) ?? [];
    roles.push(r.role);
    byUser.set(r.user_id, roles);
  }
  return [...byUser].map(([userId, roles]) => ({ userId, roles: roles.sort(byRoleOrder) }));
}

function byRoleOrder(a: MeetingRole, b: MeetingRole): number {
  return MEETING_ROLES.indexOf(a) - MEETING_ROLES.indexOf(b);
}

/** A `meetings` row as a `Meeting`; `aspects` is stored as a JSON array of strings. */
function toMeeting(row: Selectable<MeetingTable>): Meeting {
  return {
    id: row.id,
    branchId: row.branch_id,
    kind: row.kind,
    title: row.title,
    year: row.year,
    theme: row.theme,
    aspects: JSON.parse(row.aspects) as string[],
    scheduledAt: row.scheduled_at,
    location: row.location,
    status: row.status,
    templateId: row.template_id,
    previousMeetingId: row.previous_meeting_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
