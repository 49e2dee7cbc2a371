import type { BranchRole } from '../branches/branchSchemas.js';
import type { MeetingDocumentRef } from './meetingDocuments.js';
import type { MeetingKind, MeetingRole, MeetingStatus } from './meetingSchemas.js';

export type DocumentAccess = 'none' | 'read' | 'write';

/** Who is asking, as the meeting knows them. */
export interface DocumentCaller {
  userId: number;
  /** Their roles in the meeting; none for outsiders (site admins included). */
  roles: readonly MeetingRole[];
  /** Their role in the meeting's branch, or null. */
  branchRole: BranchRole | null;
}

/** Branch roles that make up the committee, who write a 组织生活会's collective material. */
const COMMITTEE: readonly BranchRole[] = ['secretary', 'deputy', 'committee'];

/**
 * DESIGN.md §5: who may read and write which document of a meeting. Everyone in the meeting
 * reads everything but other people's notes; a draft is the host's alone; a closed meeting is
 * read-only for all.
 */
export function documentAccess(
  meeting: { kind: MeetingKind; status: MeetingStatus },
  caller: DocumentCaller,
  doc: MeetingDocumentRef,
): DocumentAccess {
  const { roles } = caller;
  if (roles.length === 0) return 'none';
  if (meeting.status === 'draft' && !roles.includes('host')) return 'none';
  const own = doc.ownerId === caller.userId;
  if (doc.kind === 'notes' && !own) return 'none';
  if (meeting.status === 'closed') return 'read';
  const has = (role: MeetingRole): boolean => roles.includes(role);
  let write: boolean;
  switch (doc.kind) {
    case 'notes':
    case 'self':
      write = own;
      break;
    case 'critique':
      write = has('host') || has('recorder') || (has('participant') && !own);
      break;
    case 'minutes':
      write = has('host') || has('recorder');
      break;
    case 'collective':
      write =
        has('host') ||
        (has('participant') &&
          (meeting.kind === 'democratic-life' ||
            (caller.branchRole !== null && COMMITTEE.includes(caller.branchRole))));
      break;
  }
  return write ? 'write' : 'read';
}
