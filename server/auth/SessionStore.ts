import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';
import { toUser, type User } from './Accounts.js';

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  maxAgeMs: number;
}

export interface ActiveSession {
  idHash: string;
  user: User;
  /** When it ends however busy (epoch ms). */
  expiresAt: number;
  /** Its last use as stored, this resolve's included. */
  lastSeenAt: number;
  /** When the store read these times: a lease made later must not count from its own start. */
  checkedAt: number;
}

/** What an open connection keeps of its session (not the user row, with its password hash). */
export type SessionTimes = Pick<ActiveSession, 'idHash' | 'expiresAt' | 'lastSeenAt' | 'checkedAt'>;

/**
 * Server-side sessions. The client holds a random 256-bit id (cookie or bearer token); the
 * table holds only its SHA-256, so a copy of the database opens no session.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    readonly policy: SessionPolicy,
    readonly now: () => number = Date.now,
  ) {}

  /** Starts a session and returns its token. */
  async create(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    // Sessions nobody presents again are never resolved; clear out the expired ones here.
    await this.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([eb('expires_at', '<=', t), eb('last_seen_at', '<=', t - this.policy.idleMs)]),
      )
      .execute();
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        user_id: userId,
        created_at: t,
        last_seen_at: t,
        expires_at: t + this.policy.maxAgeMs,
      })
      .execute();
    return token;
  }

  /** The live session of `token` with its (enabled) user, marking it used; null otherwise. */
  resolve(token: string): Promise<ActiveSession | null> {
    return this.resolveHash(hashToken(token), true);
  }

  /**
   * The live session of `idHash`, as `resolve`; `use` false asks without counting as a use (an
   * open socket that nobody uses does not keep its session from going idle).
   */
  async resolveHash(idHash: string, use: boolean): Promise<ActiveSession | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.last_seen_at', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return null;
    const t = this.now();
    if (t >= row.expires_at || t - row.last_seen_at >= this.policy.idleMs || row.disabled) {
      await this.endByHash(idHash);
      return null;
    }
    // Writing on every request would cost a transaction each; a tenth of the idle time is enough.
    let lastSeenAt = row.last_seen_at;
    if (use && t - row.last_seen_at > this.policy.idleMs / 10) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: t })
        .where('id_hash', '=', idHash)
        .execute();
      lastSeenAt = t;
    }
    const { last_seen_at: _seen, expires_at: expiresAt, ...user } = row;
    return { idHash, user: toUser(user), expiresAt, lastSeenAt, checkedAt: t };
  }

  async endByHash(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of the user; resolves with how many there were. */
  async endAllOf(userId: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Ends every session of the user but the one of `keepHash` (a password change). */
  async endAllOfExcept(userId: number, keepHash: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id_hash', '!=', keepHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
