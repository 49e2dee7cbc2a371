import { z } from 'zod';
import { visibleNameSchema } from '../auth/visibleName.js';

/** 书记 / 副书记 / 委员 / 党员 */
export const BRANCH_ROLES = ['secretary', 'deputy', 'committee', 'member'] as const;
export const branchRoleSchema = z.enum(BRANCH_ROLES);
export type BranchRole = z.infer<typeof branchRoleSchema>;

export const createBranchRequestSchema = z.object({ name: visibleNameSchema(100) }).strict();

export const setBranchMemberRequestSchema = z
  .object({ userId: z.number().int().positive(), role: branchRoleSchema })
  .strict();

export interface BranchView {
  id: number;
  name: string;
  createdAt: number;
  /** The caller's role in the branch, if any. */
  myRole: BranchRole | null;
}

export interface BranchMemberView {
  userId: number;
  username: string;
  displayName: string;
  role: BranchRole;
}
