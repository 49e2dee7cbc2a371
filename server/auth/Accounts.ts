import { sql, type Kysely, type Selectable } from 'kysely';
import type { AdminUserView, PublicUser } from '../../shared/auth/authSchemas.js';
import type { DatabaseSchema, UserTable } from '../storage/DatabaseSchema.js';

/** A user as the rest of the server sees one; the `users` row is mapped in `toUser`. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  /** argon2id, PHC string. */
  passwordHash: string;
  isAdmin: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  /** Epoch ms until which sign-in is refused, or null. */
  lockedUntil: number | null;
  createdAt: number;
}

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

  async findByUsername(username: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findById(id: number): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async create(user: NewUser): Promise<User> {
    const row = await this.db
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
    return toUser(row);
  }

  /** The users with these ids that exist and are not disabled. */
  async findActive(ids: readonly number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', ids)
      .where('disabled', '=', 0)
      .execute();
    return rows.map(toUser);
  }

  /** Every user who is not disabled, by display name. */
  async listActive(): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('disabled', '=', 0)
      .orderBy('display_name')
      .execute();
    return rows.map(toUser);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  /** The display names of those of these users that exist, by id. */
  async displayNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
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

/** A `users` row as a `User`; the flags are 0/1 integers in both databases. */
export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin === 1,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export function toAdminView(user: User): AdminUserView {
  return {
    ...toPublicUser(user),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
  };
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    mustChangePassword: user.mustChangePassword,
  };
}
