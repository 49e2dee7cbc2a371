import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { SyncHooks, SyncPrincipal } from '../sync/SyncHooks.js';
import { SyncRefusal } from '../sync/SyncRefusal.js';
import type { AuditLog } from './AuditLog.js';
import type { SessionStore } from './SessionStore.js';
import { sessionToken } from './sessionToken.js';

/** What the sync channel remembers of a signed-in connection. */
export interface SessionContext {
  sessionHash: string;
}

export function sessionHashOf(principal: SyncPrincipal): string | undefined {
  return (principal.context as SessionContext | undefined)?.sessionHash;
}

/**
 * Sync hooks that admit only signed-in users (token as `?token=`, bearer header or cookie)
 * who have set their own password. Per-document permissions come with meetings.
 */
export function sessionSyncHooks(sessions: SessionStore, audit: AuditLog): SyncHooks {
  const refuse = async (
    code: typeof CloseCode.unauthenticated | typeof CloseCode.forbidden,
    reason: string,
    documentName: string,
    ip: string | undefined,
    actorId?: number,
  ): Promise<never> => {
    await audit.record({
      action: 'sync.refused',
      actorId,
      subject: documentName,
      ip,
      detail: { reason },
    });
    throw new SyncRefusal(code, reason);
  };
  return {
    async authenticate({ request, documentName }) {
      const ip = request.socket.remoteAddress;
      const found = sessionToken(request, true);
      const session = found ? await sessions.resolve(found.token) : null;
      if (!session) return refuse(CloseCode.unauthenticated, 'sign in first', documentName, ip);
      if (session.user.must_change_password) {
        return refuse(
          CloseCode.forbidden,
          'change your password first',
          documentName,
          ip,
          session.user.id,
        );
      }
      const context: SessionContext = { sessionHash: session.idHash };
      return { userId: String(session.user.id), context };
    },
  };
}
