import type { ErrorText } from './errorText.js';

/** Meetings, their templates, people, status and documents. */
export const meetingErrorMessages = {
  unknown_template: { zh: '没有这个模板。', en: 'No template {id}.' },
  'not_found.template': {
    zh: '模板不存在或为内置模板。',
    en: 'No such template of this branch.',
  },
  template_kind_mismatch: {
    zh: '模板与会议类型不符。',
    en: 'The template is for another kind of meeting.',
  },
  invalid_participants: {
    zh: '用户不存在或已停用。',
    en: 'No such active user: {ids}',
  },
  'invalid_participants.outsiders': {
    zh: '主持人、记录人和参会人员须为本支部党员。',
    en: 'Hosts, recorders and participants must be branch members: {ids}',
  },
  invalid_transition: {
    zh: '会议当前的状态不能这样变更。',
    en: 'The meeting cannot go from {from} to {to}.',
  },
  conflict: {
    zh: '会议状态已更新，请按最新状态操作。',
    en: 'The state has moved on; act on the latest one.',
  },
  'conflict.meeting_status': {
    zh: '会议状态已被他人修改，请刷新。',
    en: 'The status changed meanwhile; reload.',
  },
  member_in_meeting: {
    zh: '该党员仍在会议中担任角色，请先调整会议人员。',
    en: 'The member still has a role in meetings {ids}.',
  },
  meeting_closed: {
    zh: '会议已结束，须由主持人重新开启后才能修改。',
    en: 'The meeting is closed; the host must reopen it first.',
  },
  'meeting_closed.read_only': {
    zh: '会议已结束，文档只读；请先重新开启会议。',
    en: 'The meeting is closed and its documents read-only; reopen it first.',
  },
  roles_missing: {
    zh: '会议须至少有一名主持人和一名记录人。',
    en: 'A host and a recorder are needed.',
  },
  'forbidden.versions_host_only': {
    zh: '只有主持人可以保存或恢复版本。',
    en: 'Only the host may save or restore versions.',
  },
} as const satisfies Readonly<Record<string, ErrorText>>;
