import type { Router } from 'express';
import type { AuthModule } from '../auth/index.js';
import { branchRoutes } from '../http/branchRoutes.js';
import type { ModuleContext } from '../ModuleContext.js';
import { Branches } from './Branches.js';

/** Branches and their members; a member's change is told as `branchMemberChanged`. */
export function branchesModule({ db, events }: ModuleContext, auth: AuthModule) {
  const branches = new Branches(db);
  const { accounts, audit } = auth;
  return {
    branches,
    routes: [branchRoutes({ branches, accounts, audit, events })] as Router[],
  };
}

export type BranchesModule = ReturnType<typeof branchesModule>;
