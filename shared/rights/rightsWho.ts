import type { BranchRole } from '../branches/branchSchemas.js';
import type { MeetingRole } from '../meetings/meetingSchemas.js';
import type { RightsCaller, RightsSubject } from './rightsTypes.js';

/** Branch roles that make up the committee (支委): the whole ledger, a 组织生活会's collective material. */
export const COMMITTEE_ROLES: readonly BranchRole[] = ['secretary', 'deputy', 'committee'];

const has = (c: RightsCaller, role: MeetingRole): boolean => c.roles.includes(role);
const owns = (c: RightsCaller, s: RightsSubject): boolean =>
  s.document !== undefined && s.document.ownerId === c.userId;
const inCommittee = (c: RightsCaller): boolean =>
  c.branchRole !== null && COMMITTEE_ROLES.includes(c.branchRole);

/** The kinds of caller a grant names, each with how to recognise one. */
export const WHO = {
  anyone: () => true,
  admin: (c) => c.isAdmin,
  branchMember: (c) => c.branchRole !== null,
  secretary: (c) => c.branchRole === 'secretary',
  deputy: (c) => c.branchRole === 'deputy',
  committee: (c) => inCommittee(c),
  /** The branch secretary or a host: they run the meeting. */
  manager: (c) => c.branchRole === 'secretary' || has(c, 'host'),
  roster: (c) => c.roles.length > 0,
  host: (c) => has(c, 'host'),
  recorder: (c) => has(c, 'recorder'),
  participant: (c) => has(c, 'participant'),
  committeeParticipant: (c) => has(c, 'participant') && inCommittee(c),
  documentOwner: (c, s) => owns(c, s),
  participantNotOwner: (c, s) => has(c, 'participant') && !owns(c, s),
  itemOwner: (c, s) => s.item?.ownerUserId === c.userId,
  itemLeader: (c, s) => s.item !== undefined && s.item.leaderUserId === c.userId,
} satisfies Record<string, (caller: RightsCaller, subject: RightsSubject) => boolean>;

export type Who = keyof typeof WHO;

/** Names for the generated docs/permissions.md. */
export const WHO_LABELS: Readonly<Record<Who, string>> = {
  anyone: '（前提满足者皆可）',
  admin: '系统管理员',
  branchMember: '本支部党员',
  secretary: '支部书记',
  deputy: '支部副书记',
  committee: '支委（书记、副书记、委员）',
  manager: '主持人或支部书记',
  roster: '参会人员（任何会议角色）',
  host: '主持人',
  recorder: '记录人',
  participant: '参会党员',
  committeeParticipant: '身为支委的参会党员',
  documentOwner: '文档本人',
  participantNotOwner: '参会党员（本人除外）',
  itemOwner: '责任人',
  itemLeader: '责任领导',
};
