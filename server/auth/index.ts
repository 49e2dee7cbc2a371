import type { Router } from 'express';
import type { SocketOwner } from '../../shared/cluster/clusterEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { auditRoutes } from '../http/auditRoutes.js';
import { authRoutes } from '../http/authRoutes.js';
import { userRoutes } from '../http/userRoutes.js';
import type { ModuleContext } from '../ModuleContext.js';
import { Accounts } from './Accounts.js';
import { AuditLog } from './AuditLog.js';
import { bootstrapAdmin } from './bootstrapAdmin.js';
import { PasswordHasher, type PasswordCost } from './PasswordHasher.js';
import { RefusalTally } from './RefusalTally.js';
import { SessionStore } from './SessionStore.js';
import { SessionWatch } from './SessionWatch.js';
import { SignIn } from './SignIn.js';

/**
 * Accounts, sessions, sign-in and the audit log; the admin's first password on a first start.
 * Ending sessions is told as `sessionsEnded`: their sockets close on every instance.
 */
export async function authModule(
  { db, config, logger, events }: ModuleContext,
  { now, passwordCost }: { now: () => number; passwordCost: PasswordCost | undefined },
) {
  const accounts = new Accounts(db, now);
  const audit = new AuditLog(db, now);
  const refusals = new RefusalTally(audit, logger, now);
  const sessions = new SessionStore(
    db,
    { idleMs: config.sessionIdleMs, maxAgeMs: config.sessionMaxAgeMs },
    now,
  );
  const sessionWatch = new SessionWatch(sessions, logger);
  const policy = {
    maxFailures: config.loginMaxFailures,
    lockMs: config.loginLockMs,
    maxFailuresPerAddress: config.loginMaxFailuresPerAddress,
  };
  const passwords = new PasswordHasher(passwordCost);
  const signIn = new SignIn(accounts, sessions, audit, policy, passwords, now);
  const initialAdminPassword = await bootstrapAdmin(accounts, audit, passwords, {
    username: config.adminUsername,
    password: config.adminPassword,
  });
  const routeDeps = {
    accounts,
    sessions,
    signIn,
    audit,
    passwords,
    sessionMaxAgeMs: config.sessionMaxAgeMs,
    closeSockets: (whose: SocketOwner) => void events.emit(DomainEvent.sessionsEnded, whose),
  };
  return {
    accounts,
    audit,
    refusals,
    sessions,
    sessionWatch,
    signIn,
    passwords,
    initialAdminPassword,
    /** Signing in and out: before a session is required. */
    publicRoutes: [authRoutes(routeDeps)] as Router[],
    routes: [userRoutes(routeDeps), auditRoutes(audit)] as Router[],
    async close(): Promise<void> {
      await refusals.close();
      sessionWatch.close();
    },
  };
}

export type AuthModule = Awaited<ReturnType<typeof authModule>>;
