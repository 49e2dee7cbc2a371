import type { Logger } from 'pino';
import { AuditLimits, OTHER_ADDRESSES } from '../../shared/audit/auditLimits.js';
import type { AuditLog } from './AuditLog.js';

/** One refusal of a caller without a session. */
export interface AnonymousRefusal {
  action: string;
  ip: string;
  subject: string;
  detail: Record<string, unknown>;
}

interface Tally {
  first: AnonymousRefusal;
  count: number;
}

/**
 * Refusals of callers without a session, counted per address and window and written as one
 * audit row each (the first refusal's subject and detail, with `count`). Anyone can cause them
 * by the thousand, and a row each let a stranger push real events out of the log's export.
 * Counted in memory: rows are written when the window is over (on the next refusal, the next
 * sweep, or shutdown).
 */
export class RefusalTally {
  private window = -1;
  private tallies = new Map<string, Tally>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.sweep = setInterval(() => {
      if (this.windowOf(this.now()) !== this.window) void this.flush();
    }, AuditLimits.refusalWindowMs / 6);
    this.sweep.unref();
  }

  /** Counts a refusal; the window's first from its address decides the row's subject. */
  count(refusal: AnonymousRefusal): void {
    const window = this.windowOf(this.now());
    if (window !== this.window) {
      void this.flush();
      this.window = window;
    }
    let key = refusal.ip;
    if (!this.tallies.has(key) && this.tallies.size >= AuditLimits.refusalAddressesPerWindow) {
      key = OTHER_ADDRESSES;
    }
    const tally = this.tallies.get(key);
    if (tally) tally.count++;
    else this.tallies.set(key, { first: { ...refusal, ip: key }, count: 1 });
  }

  /** Writes what was counted so far and stops the sweep (shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweep);
    await this.flush();
  }

  private async flush(): Promise<void> {
    const tallies = [...this.tallies.values()];
    const since = this.window * AuditLimits.refusalWindowMs;
    this.tallies = new Map();
    for (const { first, count } of tallies) {
      try {
        await this.audit.record({
          action: first.action,
          subject: first.subject,
          ip: first.ip,
          detail: { ...first.detail, count, since },
        });
      } catch (err) {
        this.logger.warn({ err, count, ip: first.ip }, 'could not audit refusals');
      }
    }
  }

  private windowOf(t: number): number {
    return Math.floor(t / AuditLimits.refusalWindowMs);
  }
}
