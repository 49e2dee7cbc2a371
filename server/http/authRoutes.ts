import { Router, type Response } from 'express';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  SESSION_COOKIE,
} from '../../shared/auth/authSchemas.js';
import { passwordProblems } from '../../shared/auth/passwordPolicy.js';
import { toPublicUser, type Accounts } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { PasswordHasher } from '../auth/PasswordHasher.js';
import type { SocketOwner } from '../../shared/cluster/clusterEvents.js';
import type { SessionStore } from '../auth/SessionStore.js';

import type { SignIn } from '../auth/SignIn.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';
import { requestAddress } from './clientAddress.js';

export interface AuthRouteDeps {
  accounts: Accounts;
  sessions: SessionStore;
  signIn: SignIn;
  audit: AuditLog;
  passwords: PasswordHasher;
  sessionMaxAgeMs: number;
  /** Sessions ended: the sockets they opened must close too. */
  closeSockets(whose: SocketOwner): void;
}

/** `/api/auth/*`: sign in and out, who am I, change my password. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const { username, password } = parseBody(loginRequestSchema, req.body);
    const { user, token } = await deps.signIn.signIn(username, password, requestAddress(req));
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: deps.sessionMaxAgeMs,
    });
    res.json({ user: toPublicUser(user), token });
  });

  router.post('/auth/logout', async (req, res) => {
    const { session } = requireAuth(res);
    await deps.sessions.endByHash(session.idHash);
    deps.closeSockets({ sessionHash: session.idHash });
    await deps.audit.record({
      action: 'session.ended',
      actorId: session.user.id,
      ip: requestAddress(req),
    });
    clearSessionCookie(res);
    res.json({ ok: true });
  });

  router.get('/auth/me', (_req, res) => {
    res.json({ user: toPublicUser(requireAuth(res).session.user) });
  });

  router.post('/auth/password', async (req, res) => {
    const { session } = requireAuth(res);
    const { oldPassword, newPassword } = parseBody(changePasswordRequestSchema, req.body);
    const user = session.user;
    await deps.signIn.confirmOwnPassword(user, oldPassword, requestAddress(req));
    const problems = passwordProblems(newPassword, user.username);
    if (newPassword === oldPassword) problems.push('same_as_old');
    if (problems.length > 0) {
      throw new DomainError('weak_password', { problems: problems.join(', ') });
    }
    await deps.accounts.setPassword(user.id, await deps.passwords.hash(newPassword), false);
    // Whoever else was signed in with the old password (another browser, a thief) is not anymore.
    await deps.sessions.endAllOfExcept(user.id, session.idHash);
    deps.closeSockets({ userId: user.id, exceptSessionHash: session.idHash });
    await deps.audit.record({
      action: 'password.changed',
      actorId: user.id,
      subject: `user:${user.id}`,
      ip: requestAddress(req),
    });
    const updated = await deps.accounts.findById(user.id);
    res.json({ user: toPublicUser(updated!) });
  });

  return router;
}

function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
