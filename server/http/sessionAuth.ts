import type { RequestHandler, Response } from 'express';
import type { User } from '../auth/Accounts.js';
import type { ActiveSession, SessionStore } from '../auth/SessionStore.js';
import { sessionToken } from '../auth/sessionToken.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { isTrustedOrigin } from './originPolicy.js';

export interface RequestAuth {
  session: ActiveSession;
  /** Bearer tokens are not sent by browsers on their own, so they need no origin check. */
  viaBearer: boolean;
}

/** Resolves the caller's session, if any, into `res.locals.auth`. */
export function resolveSession(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const found = sessionToken(req);
    const session = found ? await sessions.resolve(found.token) : null;
    if (found && session)
      res.locals.auth = { session, viaBearer: found.source === 'bearer' } satisfies RequestAuth;
    next();
  };
}

export function authOf(res: Response): RequestAuth | undefined {
  return res.locals.auth as RequestAuth | undefined;
}

/** The signed-in caller, or a 401. */
export function requireAuth(res: Response): RequestAuth {
  const auth = authOf(res);
  if (!auth) throw new DomainError('unauthenticated');
  return auth;
}

/** The signed-in caller if they are a site admin, or a 403. */
export function requireAdmin(res: Response): User {
  const { user } = requireAuth(res).session;
  if (!user.isAdmin) throw new DomainError('forbidden.admins_only');
  return user;
}

/** Everything below needs a session, and a password that need not be changed first. */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
  const auth = requireAuth(res);
  if (auth.session.user.mustChangePassword) {
    throw new DomainError('password_change_required');
  }
  next();
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated requests that change state must come from the app's own pages (see
 * `isTrustedOrigin`). Bearer-token clients are exempt.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || authOf(res)?.viaBearer) return next();
    if (!isTrustedOrigin(req, allowedOrigins)) {
      throw new DomainError('cross_origin');
    }
    next();
  };
}
