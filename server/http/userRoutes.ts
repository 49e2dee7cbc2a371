import { Router } from 'express';
import { createUserRequestSchema } from '../../shared/auth/authSchemas.js';
import { passwordProblems } from '../../shared/auth/passwordPolicy.js';
import { toPublicUser, type Accounts } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import { hashPassword } from '../auth/passwordHash.js';
import { clientAddress } from './authRoutes.js';
import { HttpError } from './HttpError.js';
import { parseBody } from './parseBody.js';
import { requireAuth } from './sessionAuth.js';

export interface UserRouteDeps {
  accounts: Accounts;
  audit: AuditLog;
}

/** `/api/users`: accounts, managed by site admins. */
export function userRoutes(deps: UserRouteDeps): Router {
  const router = Router();

  router.post('/users', async (req, res) => {
    const { session } = requireAuth(res);
    if (!session.user.is_admin)
      throw new HttpError(403, 'forbidden', '仅管理员可创建用户 (admins only)');
    const input = parseBody(createUserRequestSchema, req.body);
    const problems = passwordProblems(input.password, input.username);
    if (problems.length > 0) {
      throw new HttpError(
        400,
        'weak_password',
        `初始密码不符合要求 (password policy): ${problems.join(', ')}`,
      );
    }
    if (await deps.accounts.findByUsername(input.username)) {
      throw new HttpError(409, 'username_taken', '用户名已存在 (username taken)');
    }
    // A password set by an admin is known to two people: its owner must replace it first.
    const user = await deps.accounts.create({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
    });
    await deps.audit.record({
      action: 'user.created',
      actorId: session.user.id,
      subject: `user:${user.id}`,
      ip: clientAddress(req),
      detail: { username: user.username },
    });
    res.status(201).json({ user: toPublicUser(user) });
  });

  return router;
}
