import type {
  MeetingDocumentKind,
  MeetingKind,
  MeetingStatus,
} from '../meetings/meetingSchemas.js';
import type { Refusal } from './rightsTypes.js';
import type { Who } from './rightsWho.js';

/** Every question the rule book answers, in the order docs/permissions.md lists them. */
export const ACTIONS = [
  'meeting.see',
  'meeting.manage',
  'meeting.edit',
  'meeting.readContent',
  'meeting.join',
  'speeches.read',
  'export.meeting',
  'import.parse',
  'document.read',
  'document.write',
  'document.export',
  'document.import',
  'version.read',
  'version.save',
  'version.restore',
  'moderation.run',
  'moderation.speech',
  'moderation.hand',
  'appraisal.view',
  'appraisal.vote',
  'appraisal.manage',
  'rectification.read',
  'rectification.edit',
  'rectification.report',
  'rectification.verify',
  'rectification.propose',
  'rectification.decideProposals',
  'ledger.readBranch',
] as const;

export type Action = (typeof ACTIONS)[number];

/** One way to be allowed: who, and optionally in which statuses, documents and kinds of meeting. */
export interface Grant {
  who: Who;
  statuses?: readonly MeetingStatus[];
  documents?: readonly MeetingDocumentKind[];
  kinds?: readonly MeetingKind[];
}

export interface Rule {
  /** 中文 name, for docs/permissions.md. */
  label: string;
  /** Asked first, in order; the first refusal is the answer. */
  requires?: readonly Action[];
  grants: readonly Grant[];
  /** What a caller no grant names is told (default `forbidden`). */
  whenNobody?: Refusal;
  /** What a caller a grant names, but not in this status, is told. */
  whenStatus: Refusal;
}

const SEEN: readonly MeetingStatus[] = ['open', 'in-progress', 'closed'];
const WRITABLE: readonly MeetingStatus[] = ['draft', 'open', 'in-progress'];
const LIVE: readonly MeetingStatus[] = ['open', 'in-progress'];
const SHARED: readonly MeetingDocumentKind[] = ['collective', 'self', 'critique', 'minutes'];
const anyone: readonly Grant[] = [{ who: 'anyone' }];

/**
 * The one rule book: who may do what with meetings, documents, moderation, appraisal,
 * versions, imports, exports and rectification items (docs/permissions.md is generated from
 * it). Seeing a meeting is not reading it: branch members see its card, only the people in
 * it (and a draft's hosts) read its content; site admins see meetings but read nothing
 * unless they are in it. A closed meeting is read-only until the host reopens it.
 */
export const RULES: Readonly<Record<Action, Rule>> = {
  'meeting.see': {
    label: '看到会议（卡片与基本信息）',
    grants: [
      { who: 'admin' },
      { who: 'manager' },
      { who: 'branchMember', statuses: SEEN },
      { who: 'roster', statuses: SEEN },
    ],
    whenNobody: 'unseen',
    whenStatus: 'unseen',
  },
  'meeting.manage': {
    label: '管理会议（改状态、查候选人）',
    requires: ['meeting.see'],
    grants: [{ who: 'manager' }],
    whenStatus: 'forbidden',
  },
  'meeting.edit': {
    label: '修改会议信息与人员',
    requires: ['meeting.manage'],
    grants: [{ who: 'manager', statuses: WRITABLE }],
    whenStatus: 'closed',
  },
  'meeting.readContent': {
    label: '阅读会议内容',
    requires: ['meeting.see'],
    grants: [{ who: 'host' }, { who: 'roster', statuses: SEEN }],
    whenStatus: 'forbidden',
  },
  'meeting.join': {
    label: '进入会议实时频道',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'speeches.read': {
    label: '查看发言记录',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'export.meeting': {
    label: '导出会议记录、报告、台账',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'import.parse': {
    label: '解析要导入的材料',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'document.read': {
    label: '阅读文档',
    requires: ['meeting.readContent'],
    grants: [
      { who: 'anyone', documents: SHARED },
      { who: 'documentOwner', documents: ['notes'] },
    ],
    whenStatus: 'forbidden',
  },
  'document.write': {
    label: '编辑文档',
    requires: ['document.read'],
    grants: [
      { who: 'host', statuses: WRITABLE, documents: ['collective', 'critique', 'minutes'] },
      {
        who: 'participant',
        statuses: WRITABLE,
        documents: ['collective'],
        kinds: ['democratic-life'],
      },
      {
        who: 'committeeParticipant',
        statuses: WRITABLE,
        documents: ['collective'],
        kinds: ['organizational-life'],
      },
      { who: 'documentOwner', statuses: WRITABLE, documents: ['self', 'notes'] },
      { who: 'recorder', statuses: WRITABLE, documents: ['critique', 'minutes'] },
      { who: 'participantNotOwner', statuses: WRITABLE, documents: ['critique'] },
    ],
    whenStatus: 'closed',
  },
  'document.export': {
    label: '导出单个文档',
    requires: ['document.read'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'document.import': {
    label: '导入材料到文档',
    requires: ['document.write'],
    grants: [
      { who: 'anyone', documents: ['collective'] },
      { who: 'documentOwner', documents: ['self'] },
    ],
    whenStatus: 'closed',
  },
  'version.read': {
    label: '查看文档版本',
    requires: ['document.read'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'version.save': {
    label: '保存文档版本',
    requires: ['document.read'],
    grants: [{ who: 'manager' }],
    whenStatus: 'forbidden',
  },
  'version.restore': {
    label: '恢复文档版本',
    requires: ['version.save', 'document.write'],
    grants: anyone,
    whenStatus: 'closed',
  },
  'moderation.run': {
    label: '主持会议（议程、发言顺序、计时、考勤）',
    requires: ['meeting.readContent'],
    grants: [{ who: 'host', statuses: LIVE }],
    whenStatus: 'notLive',
  },
  'moderation.speech': {
    label: '开始、结束发言',
    requires: ['meeting.readContent'],
    grants: [
      { who: 'host', statuses: LIVE },
      { who: 'recorder', statuses: LIVE },
    ],
    whenStatus: 'notLive',
  },
  'moderation.hand': {
    label: '签到、举手、放下手',
    requires: ['meeting.readContent'],
    grants: [
      { who: 'host', statuses: LIVE },
      { who: 'participant', statuses: LIVE },
    ],
    whenStatus: 'notLive',
  },
  'appraisal.view': {
    label: '查看民主评议',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'appraisal.vote': {
    label: '民主评议投票（是否为投票人由评议规则决定）',
    requires: ['meeting.readContent'],
    grants: anyone,
    whenStatus: 'forbidden',
  },
  'appraisal.manage': {
    label: '组织民主评议（开始、纸质票、结束、作废）',
    requires: ['meeting.readContent'],
    grants: [{ who: 'host' }],
    whenStatus: 'forbidden',
  },
  'rectification.read': {
    label: '查看会议的整改事项',
    requires: ['meeting.see'],
    grants: [{ who: 'roster' }, { who: 'manager' }, { who: 'committee' }],
    whenStatus: 'forbidden',
  },
  'rectification.edit': {
    label: '登记、修改整改事项',
    requires: ['rectification.read'],
    grants: [{ who: 'manager' }, { who: 'recorder' }],
    whenStatus: 'forbidden',
  },
  'rectification.report': {
    label: '填报进展、更改状态',
    requires: ['rectification.read'],
    grants: [{ who: 'manager' }, { who: 'itemOwner' }, { who: 'itemLeader' }],
    whenStatus: 'forbidden',
  },
  'rectification.verify': {
    label: '销号、退回',
    requires: ['rectification.read'],
    grants: [{ who: 'secretary' }, { who: 'deputy' }, { who: 'host' }],
    whenStatus: 'forbidden',
  },
  'rectification.propose': {
    label: '从材料提出整改建议',
    requires: ['rectification.read'],
    grants: [{ who: 'manager' }, { who: 'documentOwner', documents: ['self'] }],
    whenStatus: 'forbidden',
  },
  'rectification.decideProposals': {
    label: '采纳、舍弃整改建议',
    requires: ['rectification.read'],
    grants: [{ who: 'manager' }],
    whenStatus: 'forbidden',
  },
  'ledger.readBranch': {
    label: '查看全支部整改台账（其他人只看本人的事项）',
    grants: [{ who: 'committee' }],
    whenStatus: 'forbidden',
  },
};
