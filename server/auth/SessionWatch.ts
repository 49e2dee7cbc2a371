import type { Logger } from 'pino';
import { SessionLimits } from '../../shared/auth/sessionLimits.js';
import type { ConnectionWatch } from '../sync/SyncHooks.js';
import { SessionLease } from './SessionLease.js';
import type { SessionStore, SessionTimes } from './SessionStore.js';

interface Watched {
  lease: SessionLease;
  end: () => void;
}

/**
 * Holds open connections (sync and socket.io) to their sessions: each message is checked
 * against its connection's lease, and a sweep ends connections whose session passed its
 * lifetime or went idle while they were open, however quiet they are.
 */
export class SessionWatch {
  private readonly watched = new Set<Watched>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionStore,
    private readonly logger: Logger,
  ) {
    this.sweep = setInterval(() => this.sweepOnce(), SessionLimits.sweepIntervalMs);
    this.sweep.unref();
  }

  /** Watches one connection of `session`; `end` closes it once the session is over. */
  watch(session: SessionTimes, end: () => void): ConnectionWatch {
    const entry: Watched = { lease: new SessionLease(this.sessions, session), end };
    this.watched.add(entry);
    return {
      admit: (use) => {
        const verdict = entry.lease.verdict(use);
        return verdict === 'recheck' ? entry.lease.recheck(use) : verdict === 'live';
      },
      stop: () => this.watched.delete(entry),
    };
  }

  close(): void {
    clearInterval(this.sweep);
  }

  private sweepOnce(): void {
    for (const entry of this.watched) {
      const verdict = entry.lease.verdict(false);
      if (verdict === 'ended') {
        this.finish(entry);
      } else if (verdict === 'recheck') {
        entry.lease.recheck(false).then(
          (alive) => alive || this.finish(entry),
          (err: unknown) => this.logger.warn({ err }, 'could not check a session of a socket'),
        );
      }
    }
  }

  private finish(entry: Watched): void {
    if (!this.watched.delete(entry)) return;
    entry.end();
  }
}
