import type { SessionStore, SessionTimes } from './SessionStore.js';

/** What the cached times of a lease say: go on, stop, or ask the store first. */
export type LeaseVerdict = 'live' | 'ended' | 'recheck';

/**
 * One open connection's hold on its session. The session's times are cached, so that a write
 * or a command costs a comparison; the store is asked again when they may be stale: on use, at
 * most once per tenth of the idle time (which is also how often `resolve` marks a session used,
 * so typing keeps the session alive as requests do), and otherwise once the cached last use is
 * an idle time old (the session may have been used elsewhere meanwhile).
 */
export class SessionLease {
  readonly idHash: string;
  private expiresAt: number;
  private lastSeenAt: number;
  private checkedAt: number;
  private ended = false;
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly sessions: SessionStore,
    session: SessionTimes,
  ) {
    this.idHash = session.idHash;
    this.expiresAt = session.expiresAt;
    this.lastSeenAt = session.lastSeenAt;
    // When the times were read, not now: the clock may have moved while the connection was set up.
    this.checkedAt = session.checkedAt;
  }

  /** `use`: the connection is being used (a document write, a command). */
  verdict(use: boolean): LeaseVerdict {
    const t = this.sessions.now();
    const { idleMs } = this.sessions.policy;
    if (this.ended || t >= this.expiresAt) return 'ended';
    const stale = use
      ? t - this.checkedAt >= idleMs / 10
      : t - this.lastSeenAt >= idleMs && t - this.checkedAt >= idleMs / 10;
    return stale ? 'recheck' : 'live';
  }

  /** Asks the store, as a use if `use`; one question at a time. False: the session is over. */
  recheck(use: boolean): Promise<boolean> {
    this.pending ??= this.sessions.resolveHash(this.idHash, use).then(
      (session) => {
        this.pending = null;
        if (!session) {
          this.ended = true;
          return false;
        }
        this.expiresAt = session.expiresAt;
        this.lastSeenAt = session.lastSeenAt;
        this.checkedAt = this.sessions.now();
        return true;
      },
      (err: unknown) => {
        this.pending = null;
        throw err;
      },
    );
    return this.pending;
  }
}
