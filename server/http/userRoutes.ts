import { Router } from 'express';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
} from '../../shared/auth/authSchemas.js';
import { passwordProblems } from '../../shared/auth/passwordPolicy.js';
import { toAdminView, toPublicUser, type Accounts, type User } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { PasswordHasher } from '../auth/PasswordHasher.js';
import type { SessionStore } from '../auth/SessionStore.js';
import type { SocketOwner } from '../../shared/cluster/clusterEvents.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAdmin } from './sessionAuth.js';
import { requestAddress } from './clientAddress.js';

export interface UserRouteDeps {
  accounts: Accounts;
  audit: AuditLog;
  passwords: PasswordHasher;
  sessions: SessionStore;
  closeSockets(whose: SocketOwner): void;
}

/** `/api/users`: accounts, managed by site admins. */
export function userRoutes(deps: UserRouteDeps): Router {
  const router = Router();

  router.get('/users', async (_req, res) => {
    requireAdmin(res);
    res.json({ users: (await deps.accounts.list()).map(toAdminView) });
  });

  router.post('/users', async (req, res) => {
    const admin = requireAdmin(res);
    const input = parseBody(createUserRequestSchema, req.body);
    const problems = passwordProblems(input.password, input.username);
    if (problems.length > 0) {
      throw new DomainError('weak_password.initial', { problems: problems.join(', ') });
    }
    if (await deps.accounts.findByUsername(input.username)) {
      throw new DomainError('username_taken');
    }
    // A password set by an admin is known to two people: its owner must replace it first.
    const user = await deps.accounts.create({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await deps.passwords.hash(input.password),
      mustChangePassword: true,
    });
    await deps.audit.record({
      action: 'user.created',
      actorId: admin.id,
      subject: `user:${user.id}`,
      ip: requestAddress(req),
      detail: { username: user.username },
    });
    res.status(201).json({ user: toPublicUser(user) });
  });

  router.patch('/users/:id', async (req, res) => {
    const admin = requireAdmin(res);
    const target = await findTarget(deps, req.params.id);
    const changes = parseBody(updateUserRequestSchema, req.body);
    if (changes.disabled && target.id === admin.id) {
      throw new DomainError('cannot_disable_self');
    }
    await deps.accounts.update(target.id, changes);
    if (changes.disabled) await endSessionsOf(deps, target.id);
    await deps.audit.record({
      action:
        changes.disabled === undefined
          ? 'user.updated'
          : changes.disabled
            ? 'user.disabled'
            : 'user.enabled',
      actorId: admin.id,
      subject: `user:${target.id}`,
      ip: requestAddress(req),
      detail: changes,
    });
    res.json({ user: toAdminView((await deps.accounts.findById(target.id))!) });
  });

  router.post('/users/:id/password', async (req, res) => {
    const admin = requireAdmin(res);
    const target = await findTarget(deps, req.params.id);
    const { password } = parseBody(resetPasswordRequestSchema, req.body);
    const problems = passwordProblems(password, target.username);
    if (problems.length > 0) {
      throw new DomainError('weak_password.reset', { problems: problems.join(', ') });
    }
    await deps.accounts.setPassword(target.id, await deps.passwords.hash(password), true);
    await endSessionsOf(deps, target.id);
    await deps.audit.record({
      action: 'password.reset',
      actorId: admin.id,
      subject: `user:${target.id}`,
      ip: requestAddress(req),
    });
    res.json({ user: toAdminView((await deps.accounts.findById(target.id))!) });
  });

  router.delete('/users/:id/sessions', async (req, res) => {
    const admin = requireAdmin(res);
    const target = await findTarget(deps, req.params.id);
    const ended = await endSessionsOf(deps, target.id);
    await deps.audit.record({
      action: 'sessions.ended',
      actorId: admin.id,
      subject: `user:${target.id}`,
      ip: requestAddress(req),
      detail: { ended },
    });
    res.json({ ended });
  });

  return router;
}

async function findTarget(deps: UserRouteDeps, rawId: unknown): Promise<User> {
  const user = await deps.accounts.findById(parseId(rawId));
  if (!user) throw new DomainError('not_found.user');
  return user;
}

/** Ends every session of the user, open sockets included; resolves with how many. */
async function endSessionsOf(deps: UserRouteDeps, userId: number): Promise<number> {
  const ended = await deps.sessions.endAllOf(userId);
  deps.closeSockets({ userId });
  return ended;
}
