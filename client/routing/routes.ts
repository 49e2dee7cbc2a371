import { parseMeetingDocumentName } from '../../shared/meetings/meetingDocuments.js';

export type Route =
  | { page: 'home' }
  | { page: 'changePassword' }
  | { page: 'adminUsers' }
  | { page: 'adminAudit' }
  | { page: 'adminBranches' }
  | { page: 'branch'; branchId: number }
  | { page: 'newMeeting'; branchId: number }
  /** The branch's 整改台账 across its meetings. */
  | { page: 'branchRectifications'; branchId: number }
  | { page: 'meeting'; meetingId: number }
  /** The host's moderator panel. */
  | { page: 'moderate'; meetingId: number }
  /** The second screen for the room: no app header. */
  | { page: 'projector'; meetingId: number }
  /** The meeting's 整改台账 for paper: no app header. */
  | { page: 'rectificationPrint'; meetingId: number }
  /** `documentName` is the name on the wire, `m/<meetingId>/<document>`. */
  | { page: 'document'; meetingId: number; documentName: string }
  | { page: 'notFound' };

export const changePasswordPath = '/account/password';
export const adminUsersPath = '/admin/users';
export const adminAuditPath = '/admin/audit';
export const adminBranchesPath = '/admin/branches';

// Ids as the server issues them: positive, at most 15 digits (safe integers).
const id = '([1-9][0-9]{0,14})';
const branchPattern = new RegExp(`^/branches/${id}$`);
const newMeetingPattern = new RegExp(`^/branches/${id}/meetings/new$`);
const branchRectificationsPattern = new RegExp(`^/branches/${id}/rectifications$`);
const meetingPattern = new RegExp(`^/meetings/${id}$`);
const moderatePattern = new RegExp(`^/meetings/${id}/moderate$`);
const projectorPattern = new RegExp(`^/meetings/${id}/projector$`);
const rectificationPrintPattern = new RegExp(`^/meetings/${id}/rectifications/print$`);
// The document part may contain `/` (self/7): the rest of the path is the document.
const documentPattern = new RegExp(`^/meetings/${id}/docs/(.+)$`);

/** Which page a location path shows. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === changePasswordPath) return { page: 'changePassword' };
  if (pathname === adminUsersPath) return { page: 'adminUsers' };
  if (pathname === adminAuditPath) return { page: 'adminAudit' };
  if (pathname === adminBranchesPath) return { page: 'adminBranches' };
  let match = branchPattern.exec(pathname);
  if (match) return { page: 'branch', branchId: Number(match[1]) };
  match = newMeetingPattern.exec(pathname);
  if (match) return { page: 'newMeeting', branchId: Number(match[1]) };
  match = branchRectificationsPattern.exec(pathname);
  if (match) return { page: 'branchRectifications', branchId: Number(match[1]) };
  match = meetingPattern.exec(pathname);
  if (match) return { page: 'meeting', meetingId: Number(match[1]) };
  match = moderatePattern.exec(pathname);
  if (match) return { page: 'moderate', meetingId: Number(match[1]) };
  match = projectorPattern.exec(pathname);
  if (match) return { page: 'projector', meetingId: Number(match[1]) };
  match = rectificationPrintPattern.exec(pathname);
  if (match) return { page: 'rectificationPrint', meetingId: Number(match[1]) };
  match = documentPattern.exec(pathname);
  if (match) {
    // The same rule the sync server applies: anything else names no document.
    const parsed = parseMeetingDocumentName(`m/${match[1]}/${match[2]}`);
    if (parsed) {
      return {
        page: 'document',
        meetingId: parsed.meetingId,
        documentName: `m/${match[1]}/${match[2]}`,
      };
    }
  }
  return { page: 'notFound' };
}

export function branchPath(branchId: number): string {
  return `/branches/${branchId}`;
}

export function newMeetingPath(branchId: number): string {
  return `/branches/${branchId}/meetings/new`;
}

export function branchRectificationsPath(branchId: number): string {
  return `/branches/${branchId}/rectifications`;
}

export function rectificationPrintPath(meetingId: number): string {
  return `/meetings/${meetingId}/rectifications/print`;
}

export function meetingPath(meetingId: number): string {
  return `/meetings/${meetingId}`;
}

export function moderatePath(meetingId: number): string {
  return `/meetings/${meetingId}/moderate`;
}

export function projectorPath(meetingId: number): string {
  return `/meetings/${meetingId}/projector`;
}

/** `m/3/self/7` → `/meetings/3/docs/self/7`. */
export function documentPagePath(documentName: string): string {
  const [, meetingId, ...rest] = documentName.split('/');
  return `/meetings/${meetingId}/docs/${rest.join('/')}`;
}
