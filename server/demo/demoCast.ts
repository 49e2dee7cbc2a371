import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type { MeetingRole } from '../../shared/meetings/meetingSchemas.js';

export interface DemoPerson {
  username: string;
  displayName: string;
  /** Null: not in the branch (the supervisor comes from the superior organisation). */
  branchRole: BranchRole | null;
  meetingRoles: MeetingRole[];
  /** What the person does in the demo, as printed beside their login. */
  part: string;
}

/** Every demo login's password (meets the password policy). */
export const DEMO_PASSWORD = 'Demo-2026!';

export const DEMO_BRANCH = '示范党支部';

/** A branch committee's 民主生活会: a secretary who hosts, a recorder, five members, a supervisor. */
export const DEMO_CAST: readonly DemoPerson[] = [
  {
    username: 'wangjianguo',
    displayName: '王建国',
    branchRole: 'secretary',
    meetingRoles: ['host', 'participant'],
    part: '支部书记 · 主持人',
  },
  {
    username: 'lixiaomei',
    displayName: '李晓梅',
    branchRole: 'committee',
    meetingRoles: ['recorder', 'participant'],
    part: '组织委员 · 记录人',
  },
  {
    username: 'zhangwei',
    displayName: '张伟',
    branchRole: 'deputy',
    meetingRoles: ['participant'],
    part: '副书记 · 参会人员',
  },
  {
    username: 'liuyang',
    displayName: '刘洋',
    branchRole: 'committee',
    meetingRoles: ['participant'],
    part: '宣传委员 · 参会人员',
  },
  {
    username: 'chenjing',
    displayName: '陈静',
    branchRole: 'committee',
    meetingRoles: ['participant'],
    part: '纪检委员 · 参会人员',
  },
  {
    username: 'yangfan',
    displayName: '杨帆',
    branchRole: 'member',
    meetingRoles: ['participant'],
    part: '党员 · 参会人员',
  },
  {
    username: 'zhaomin',
    displayName: '赵敏',
    branchRole: 'member',
    meetingRoles: ['participant'],
    part: '党员 · 参会人员',
  },
  {
    username: 'sunzhiqiang',
    displayName: '孙志强',
    branchRole: null,
    meetingRoles: ['supervisor'],
    part: '上级督导组',
  },
];
