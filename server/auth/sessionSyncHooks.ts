import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { SyncHooks, SyncPrincipal } from '../sync/SyncHooks.js';
import { closeCodeOf } from '../sync/closeCodeOf.js';
import type { User } from './Accounts.js';
import type { AuditLog } from './AuditLog.js';
import { clientAddress, type TrustProxy } from '../http/clientAddress.js';
import type { RefusalTally } from './RefusalTally.js';
import type { SessionStore, SessionTimes } from './SessionStore.js';
import type { SessionWatch } from './SessionWatch.js';
import { sessionToken } from './sessionToken.js';

/** What the sync channel remembers of a signed-in connection. */
export interface SessionContext {
  sessionHash: string;
  canWrite: boolean;
  /** The session's times as admitted, which the connection's watch starts from. */
  times: SessionTimes;
}

/** Whether a user may open a document: with or without writing, or the refusal's catalog key. */
export type SyncAuthorization = { canWrite: boolean } | { refuse: ErrorKey };

export type DocumentAuthorizer = (user: User, documentName: string) => Promise<SyncAuthorization>;

export function sessionHashOf(principal: SyncPrincipal): string | undefined {
  return (principal.context as SessionContext | undefined)?.sessionHash;
}

export interface SessionSyncDeps {
  sessions: SessionStore;
  audit: AuditLog;
  /** Where refusals of callers without a session are counted, a row per address and minute. */
  refusals: RefusalTally;
  /** Holds each admitted connection to its session (expiry, idle time, activity). */
  watch: SessionWatch;
  authorize: DocumentAuthorizer;
  trustProxy: TrustProxy;
}

/**
 * Sync hooks that admit only signed-in users (token as `?token=`, bearer header or cookie)
 * who have set their own password, to the documents `authorize` lets them open.
 * Every refusal is audited; those without a session are counted, not written one by one.
 */
export function sessionSyncHooks({
  sessions,
  audit,
  refusals,
  watch,
  authorize,
  trustProxy,
}: SessionSyncDeps): SyncHooks {
  const refuse = async (
    key: ErrorKey,
    documentName: string,
    ip: string,
    actorId?: number,
  ): Promise<never> => {
    const error = new DomainError(key);
    await audit.record({
      action: 'sync.refused',
      actorId,
      subject: documentName,
      ip,
      detail: { reason: key, code: closeCodeOf(error) },
    });
    throw error;
  };
  return {
    async authenticate({ request, documentName }) {
      const ip = clientAddress(request, trustProxy);
      const found = sessionToken(request, true);
      const session = found ? await sessions.resolve(found.token) : null;
      if (!session) {
        const error = new DomainError('unauthenticated');
        refusals.count({
          action: 'sync.refused',
          ip,
          subject: documentName,
          detail: { reason: error.key, code: closeCodeOf(error) },
        });
        throw error;
      }
      const { user } = session;
      if (user.mustChangePassword) {
        return refuse('password_change_required', documentName, ip, user.id);
      }
      const decision = await authorize(user, documentName);
      if ('refuse' in decision) {
        return refuse(decision.refuse, documentName, ip, user.id);
      }
      const context: SessionContext = {
        sessionHash: session.idHash,
        canWrite: decision.canWrite,
        times: {
          idHash: session.idHash,
          expiresAt: session.expiresAt,
          lastSeenAt: session.lastSeenAt,
          checkedAt: session.checkedAt,
        },
      };
      return { userId: String(user.id), displayName: user.displayName, context };
    },
    canWrite: (principal) => (principal.context as SessionContext | undefined)?.canWrite ?? false,
    watch: (principal, end) => {
      const context = principal.context as SessionContext | undefined;
      return context ? watch.watch(context.times, end) : null;
    },
  };
}
