import type { Kysely, Selectable } from 'kysely';
import type { BranchMemberView, BranchRole } from '../../shared/branches/branchSchemas.js';
import { BRANCH_MEMBER_ROLES } from '../../shared/meetings/meetingSchemas.js';
import type { BranchTable, DatabaseSchema } from '../storage/DatabaseSchema.js';

export interface Branch {
  id: number;
  name: string;
  createdAt: number;
}

/** Branches (党支部) and their members with branch roles. */
export class Branches {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(name: string): Promise<Branch> {
    const row = await this.db
      .insertInto('branches')
      .values({ name, created_at: this.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toBranch(row);
  }

  async findById(id: number): Promise<Branch | undefined> {
    const row = await this.db
      .selectFrom('branches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toBranch(row);
  }

  async findByName(name: string): Promise<Branch | undefined> {
    const row = await this.db
      .selectFrom('branches')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row && toBranch(row);
  }

  /** Every branch with the user's role in it (null where they are not a member). */
  async listFor(
    userId: number,
    all: boolean,
  ): Promise<Array<Branch & { role: BranchRole | null }>> {
    const rows = await this.db
      .selectFrom('branches')
      .leftJoin('branch_members', (join) =>
        join
          .onRef('branch_members.branch_id', '=', 'branches.id')
          .on('branch_members.user_id', '=', userId),
      )
      .select(['branches.id', 'branches.name', 'branches.created_at', 'branch_members.role'])
      .orderBy('branches.id')
      .execute();
    return rows
      .filter((r) => all || r.role !== null)
      .map((r) => ({ ...toBranch(r), role: r.role }));
  }

  async roleOf(branchId: number, userId: number): Promise<BranchRole | null> {
    const row = await this.db
      .selectFrom('branch_members')
      .select('role')
      .where('branch_id', '=', branchId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role ?? null;
  }

  members(branchId: number): Promise<BranchMemberView[]> {
    return this.db
      .selectFrom('branch_members')
      .innerJoin('users', 'users.id', 'branch_members.user_id')
      .select([
        'users.id as userId',
        'users.username',
        'users.display_name as displayName',
        'branch_members.role',
      ])
      .where('branch_members.branch_id', '=', branchId)
      .orderBy('users.id')
      .execute();
  }

  /** Adds the user to the branch, or changes their role there. */
  async setMember(branchId: number, userId: number, role: BranchRole): Promise<void> {
    await this.db
      .insertInto('branch_members')
      .values({ branch_id: branchId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['branch_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  /**
   * Ids of the branch's meetings, not yet closed, in which the user holds a role that needs
   * branch membership: while there are any, they cannot leave the branch.
   */
  async meetingsHeldBy(branchId: number, userId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .select('id')
      .where('branch_id', '=', branchId)
      .where('status', '!=', 'closed')
      .where(
        'id',
        'in',
        this.db
          .selectFrom('meeting_participants')
          .select('meeting_id')
          .where('user_id', '=', userId)
          .where('role', 'in', [...BRANCH_MEMBER_ROLES]),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  /** Resolves true if the user was a member. */
  async removeMember(branchId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('branch_members')
      .where('branch_id', '=', branchId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toBranch(row: Selectable<BranchTable>): Branch {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
