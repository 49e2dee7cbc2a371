import type { Kysely, Selectable } from 'kysely';
import type { AdminUserView, PublicUser } from '../../shared/auth/authSchemas.js';
import type { DatabaseSchema, UserTable } from '../storage/DatabaseSchema.js';

export type UserRow = Selectable<UserTable>;

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  isAdmin?: boolean;
  mustChangePassword?: boolean;
}

/** The users table. */
export class Accounts {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
  }

  findById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async create(user: NewUser): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        is_admin: user.isAdmin ? 1 : 0,
        must_change_password: user.mustChangePassword ? 1 : 0,
        created_at: this.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The users with these ids that exist and are not disabled. */
  findActive(ids: readonly number[]): Promise<UserRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', ids)
      .where('disabled', '=', 0)
      .execute();
  }

  /** Every user who is not disabled, by display name. */
  listActive(): Promise<UserRow[]> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('disabled', '=', 0)
      .orderBy('display_name')
      .execute();
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('id').execute();
  }

  async update(id: number, changes: { displayName?: string; disabled?: boolean }): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
      })
      .where('id', '=', id)
      .execute();
  }

  async setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  /** Counts a failed sign-in; locks the account for `lockMs` at `maxFailures`. True if it locked. */
  async recordFailure(user: UserRow, maxFailures: number, lockMs: number): Promise<boolean> {
    const failures = user.failed_logins + 1;
    const lock = failures >= maxFailures;
    await this.db
      .updateTable('users')
      .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? this.now() + lockMs : null })
      .where('id', '=', user.id)
      .execute();
    return lock;
  }

  async clearFailures(id: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
  }
}

export function toAdminView(row: UserRow): AdminUserView {
  return {
    ...toPublicUser(row),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
  };
}
