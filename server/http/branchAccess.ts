import type { Response } from 'express';
import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type { Branch, Branches } from '../branches/Branches.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

export interface VisibleBranch {
  branch: Branch;
  /** The caller's role in it, or null for an admin who is not a member. */
  role: BranchRole | null;
}

/** The branch if the caller is an admin or one of its members; 404 otherwise (no hint it exists). */
export async function visibleBranch(
  branches: Branches,
  res: Response,
  rawId: unknown,
): Promise<VisibleBranch> {
  const { user } = requireAuth(res).session;
  const branch = await branches.findById(typeof rawId === 'number' ? rawId : parseId(rawId));
  const role = branch ? await branches.roleOf(branch.id, user.id) : null;
  if (!branch || (!user.isAdmin && role === null)) {
    throw new DomainError('not_found.branch');
  }
  return { branch, role };
}

/** The branch if the caller is its secretary; 404 if they cannot see it, 403 if they can. */
export async function secretaryBranch(
  branches: Branches,
  res: Response,
  rawId: unknown,
): Promise<VisibleBranch> {
  const visible = await visibleBranch(branches, res, rawId);
  if (visible.role !== 'secretary') {
    throw new DomainError('forbidden.secretaries_only');
  }
  return visible;
}
