import type { ErrorText } from './errorText.js';

/** 整改事项 and the proposals taken from checking materials. */
export const rectificationErrorMessages = {
  'not_found.rectification': { zh: '整改事项不存在。', en: 'No such rectification item.' },
  'not_found.proposal': { zh: '没有这条整改建议。', en: 'No such proposal.' },
  'forbidden.rectifications_not_in_meeting': {
    zh: '只有参会人员和支委可以查看整改事项。',
    en: 'Only the meeting’s people and the branch committee may see its items.',
  },
  'forbidden.rectification_create': {
    zh: '只有主持人、支部书记和记录人可以登记整改事项。',
    en: 'Only the host, the secretary and the recorder may add items.',
  },
  'forbidden.rectification_edit': {
    zh: '只有主持人、支部书记和记录人可以修改整改事项。',
    en: 'Only the host, the secretary and the recorder may edit items.',
  },
  'forbidden.rectification_report': {
    zh: '只有责任人、责任领导和主持人可以填报进展。',
    en: 'Only the owner, the leader and the host may report progress.',
  },
  'forbidden.rectification_status': {
    zh: '只有责任人、责任领导和主持人可以更改状态。',
    en: 'Only the owner, the leader and the host may change the status.',
  },
  'forbidden.rectification_verify': {
    zh: '只有支部书记、副书记或主持人可以销号。',
    en: 'Only the secretary, the deputy or the host may verify items.',
  },
  'forbidden.rectification_return': {
    zh: '只有支部书记、副书记或主持人可以退回。',
    en: 'Only the secretary, the deputy or the host may send items back.',
  },
  'forbidden.proposal_create': {
    zh: '只有主持人、支部书记或本人可以从个人对照检查材料提出整改事项。',
    en: 'Only the host, the secretary or its author may propose items from a personal material.',
  },
  'forbidden.proposal_decide': {
    zh: '只有主持人和支部书记可以采纳或舍弃整改建议。',
    en: 'Only the host and the secretary may accept or discard proposals.',
  },
  meeting_draft: {
    zh: '会议尚未发布，不能登记整改事项。',
    en: 'The meeting is a draft; items cannot be added yet.',
  },
  invalid_user: {
    zh: '有人不是本支部或本次会议的人员。',
    en: 'User {id} is not in the branch or meeting.',
  },
  'invalid_user.owner': {
    zh: '责任人不是本支部或本次会议的人员。',
    en: 'The owner (user {id}) is not in the branch or meeting.',
  },
  'invalid_user.leader': {
    zh: '责任领导不是本支部或本次会议的人员。',
    en: 'The leader (user {id}) is not in the branch or meeting.',
  },
  'invalid_user.subject': {
    zh: '被批评人不是本次会议的人员。',
    en: 'The person criticized (user {id}) is not in the meeting.',
  },
  invalid_document: {
    zh: '不是本次会议的共享文档。',
    en: 'Not a shared document of this meeting: {name}',
  },
  invalid_anchor: { zh: '文本位置无法识别。', en: 'Not a position in the text.' },
  owner_required: { zh: '请指定责任人。', en: 'An owner is required.' },
  proposal_decided: { zh: '这条整改建议已被处理。', en: 'This proposal was already decided.' },
  already_verified: { zh: '该整改事项已销号。', en: 'This item is already verified.' },
  not_completed: {
    zh: '只有“已完成”或“长期坚持”的整改事项可以销号或退回。',
    en: 'Only completed or ongoing items can be verified or sent back.',
  },
  'conflict.rectification': {
    zh: '整改事项刚被他人修改，请刷新后重试。',
    en: 'The item changed meanwhile; reload and try again.',
  },
} as const satisfies Readonly<Record<string, ErrorText>>;
