import { Router } from 'express';
import {
  createBranchRequestSchema,
  setBranchMemberRequestSchema,
  type BranchRole,
  type BranchView,
} from '../../shared/branches/branchSchemas.js';
import type { Accounts } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { Branch, Branches } from '../branches/Branches.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { visibleBranch } from './branchAccess.js';
import { requestAddress } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAdmin, requireAuth } from './sessionAuth.js';

export interface BranchRouteDeps {
  branches: Branches;
  /** Told `branchMemberChanged`: the member's meetings follow. */
  events: DomainEvents;
  accounts: Accounts;
  audit: AuditLog;
}

/** `/api/branches`: branches and their members. Admins manage them; members see their own. */
export function branchRoutes(deps: BranchRouteDeps): Router {
  const router = Router();

  router.get('/branches', async (_req, res) => {
    const { user } = requireAuth(res).session;
    const rows = await deps.branches.listFor(user.id, user.isAdmin);
    res.json({ branches: rows.map((r) => toView(r, r.role)) });
  });

  router.post('/branches', async (req, res) => {
    const admin = requireAdmin(res);
    const { name } = parseBody(createBranchRequestSchema, req.body);
    if (await deps.branches.findByName(name)) {
      throw new DomainError('name_taken');
    }
    const branch = await deps.branches.create(name);
    await deps.audit.record({
      action: 'branch.created',
      actorId: admin.id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { name },
    });
    res.status(201).json({ branch: toView(branch, null) });
  });

  router.get('/branches/:id', async (req, res) => {
    const { branch, role } = await visibleBranch(deps.branches, res, req.params.id);
    res.json({ branch: toView(branch, role), members: await deps.branches.members(branch.id) });
  });

  router.post('/branches/:id/members', async (req, res) => {
    const admin = requireAdmin(res);
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    const { userId, role } = parseBody(setBranchMemberRequestSchema, req.body);
    if (!(await deps.accounts.findById(userId))) {
      throw new DomainError('not_found.user');
    }
    await deps.branches.setMember(branch.id, userId, role);
    await deps.events.emit(DomainEvent.branchMemberChanged, { branchId: branch.id, userId });
    await deps.audit.record({
      action: 'branch.member.set',
      actorId: admin.id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { userId, role },
    });
    res.json({ members: await deps.branches.members(branch.id) });
  });

  router.delete('/branches/:id/members/:userId', async (req, res) => {
    const admin = requireAdmin(res);
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    const userId = parseId(req.params.userId);
    // Hosts, recorders and participants of its open meetings must stay branch members.
    const held = await deps.branches.meetingsHeldBy(branch.id, userId);
    if (held.length > 0) {
      throw new DomainError('member_in_meeting', { ids: held.join(', ') });
    }
    if (!(await deps.branches.removeMember(branch.id, userId))) {
      throw new DomainError('not_found.branch_member');
    }
    await deps.events.emit(DomainEvent.branchMemberChanged, { branchId: branch.id, userId });
    await deps.audit.record({
      action: 'branch.member.removed',
      actorId: admin.id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { userId },
    });
    res.json({ members: await deps.branches.members(branch.id) });
  });

  return router;
}

function toView(row: Branch, role: BranchRole | null): BranchView {
  return { id: row.id, name: row.name, createdAt: row.createdAt, myRole: role };
}
