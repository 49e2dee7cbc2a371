import { sql, type Kysely, type Selectable } from 'kysely';
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

  /**
   * Takes one of the `maxFailures` password checks an account allows per lock window, in one
   * statement so that parallel requests and other instances cannot all read the same count: the
   * database is the arbiter. The attempt counts as a failure until `clearFailures` after a
   * correct password. Taking the last one locks the account until `now + lockMs` at once, so no
   * other check can start meanwhile. Undefined: locked (or no such user), nothing may be checked.
   */
  async reserveAttempt(
    id: number,
    now: number,
    maxFailures: number,
    lockMs: number,
  ): Promise<{ attempt: number; lockedUntil: number | null } | undefined> {
    // An expired lock starts a fresh window: the attempts before it are forgotten.
    const attempt = sql<number>`CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END`;
    const row = await this.db
      .updateTable('users')
      .set({
        failed_logins: attempt,
        locked_until: sql<number | null>`CASE WHEN ${attempt} >= ${maxFailures}
          THEN CAST(${now + lockMs} AS BIGINT) ELSE NULL END`,
      })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
    return row && { attempt: Number(row.failed_logins), lockedUntil: row.locked_until };
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
