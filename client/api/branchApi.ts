import type {
  BranchMemberView,
  BranchRole,
  BranchView,
} from '../../shared/branches/branchSchemas.js';
import type { MeetingSummaryView } from '../../shared/meetings/meetingSchemas.js';
import { requestJson } from './requestJson.js';

export interface BranchDetail {
  branch: BranchView;
  members: BranchMemberView[];
}

/** Admins get every branch; everyone else the branches they belong to. */
export async function listBranches(signal?: AbortSignal): Promise<BranchView[]> {
  const { branches } = await requestJson<{ branches: BranchView[] }>('/api/branches', { signal });
  return branches;
}

export async function createBranch(name: string): Promise<BranchView> {
  const { branch } = await requestJson<{ branch: BranchView }>('/api/branches', {
    method: 'POST',
    body: { name },
  });
  return branch;
}

export function fetchBranch(branchId: number, signal?: AbortSignal): Promise<BranchDetail> {
  return requestJson<BranchDetail>(`/api/branches/${branchId}`, { signal });
}

/** Adds the user, or changes their role if they are a member already; resolves with all members. */
export async function setBranchMember(
  branchId: number,
  userId: number,
  role: BranchRole,
): Promise<BranchMemberView[]> {
  const { members } = await requestJson<{ members: BranchMemberView[] }>(
    `/api/branches/${branchId}/members`,
    { method: 'POST', body: { userId, role } },
  );
  return members;
}

export async function removeBranchMember(
  branchId: number,
  userId: number,
): Promise<BranchMemberView[]> {
  const { members } = await requestJson<{ members: BranchMemberView[] }>(
    `/api/branches/${branchId}/members/${userId}`,
    { method: 'DELETE' },
  );
  return members;
}

/** The branch's meetings the caller may see. */
export async function listBranchMeetings(
  branchId: number,
  signal?: AbortSignal,
): Promise<MeetingSummaryView[]> {
  const { meetings } = await requestJson<{ meetings: MeetingSummaryView[] }>(
    `/api/branches/${branchId}/meetings`,
    { signal },
  );
  return meetings;
}
