import type { BranchRole } from '../branches/branchSchemas.js';
import type { MeetingDocumentKind, MeetingRole } from '../meetings/meetingSchemas.js';

/** One kind of caller: how the branch and the meeting know them. */
export interface Persona {
  key: string;
  label: string;
  isAdmin: boolean;
  branchRole: BranchRole | null;
  roles: readonly MeetingRole[];
}

/**
 * The reference cast that docs/permissions.md and the rights test walk through the rule book:
 * every meeting role, the branch roles outside the meeting, a stranger and a site admin.
 * The host comes first: as a branch secretary, they create the test's meetings.
 */
export const PERSONAS: readonly Persona[] = [
  {
    key: 'host',
    label: '主持人（书记，参会）',
    isAdmin: false,
    branchRole: 'secretary',
    roles: ['host', 'participant'],
  },
  {
    key: 'recorder',
    label: '记录人（支委，参会）',
    isAdmin: false,
    branchRole: 'committee',
    roles: ['recorder', 'participant'],
  },
  {
    key: 'participant',
    label: '参会党员',
    isAdmin: false,
    branchRole: 'member',
    roles: ['participant'],
  },
  {
    key: 'deputy',
    label: '副书记（参会）',
    isAdmin: false,
    branchRole: 'deputy',
    roles: ['participant'],
  },
  { key: 'attendee', label: '列席人员', isAdmin: false, branchRole: 'member', roles: ['attendee'] },
  {
    key: 'supervisor',
    label: '督导（非本支部）',
    isAdmin: false,
    branchRole: null,
    roles: ['supervisor'],
  },
  {
    key: 'secretary',
    label: '支部书记（未参会）',
    isAdmin: false,
    branchRole: 'secretary',
    roles: [],
  },
  { key: 'committee', label: '支委（未参会）', isAdmin: false, branchRole: 'committee', roles: [] },
  { key: 'member', label: '本支部党员（未参会）', isAdmin: false, branchRole: 'member', roles: [] },
  { key: 'stranger', label: '外人', isAdmin: false, branchRole: null, roles: [] },
  { key: 'admin', label: '系统管理员（未参会）', isAdmin: true, branchRole: null, roles: [] },
];

/** A document as a persona meets it: theirs, or the participant's (or the host's, for the participant). */
export interface DocumentCase {
  key: string;
  kind: MeetingDocumentKind;
  whose: 'none' | 'own' | 'other';
}

export const DOCUMENT_CASES: readonly DocumentCase[] = [
  { key: 'collective', kind: 'collective', whose: 'none' },
  { key: 'minutes', kind: 'minutes', whose: 'none' },
  { key: 'self/own', kind: 'self', whose: 'own' },
  { key: 'self/other', kind: 'self', whose: 'other' },
  { key: 'critique/own', kind: 'critique', whose: 'own' },
  { key: 'critique/other', kind: 'critique', whose: 'other' },
  { key: 'notes/own', kind: 'notes', whose: 'own' },
  { key: 'notes/other', kind: 'notes', whose: 'other' },
];

/** Whose document `other` is for this persona: the participant's, or the host's for the participant. */
export function otherOwner(persona: Persona): string {
  return persona.key === 'participant' ? 'host' : 'participant';
}

/** Whether the persona has a document of this kind at all (self and critique: participants). */
export function hasOwn(persona: Persona, kind: MeetingDocumentKind): boolean {
  if (kind === 'notes') return persona.roles.length > 0;
  return persona.roles.includes('participant');
}
