import type { ErrorText } from './errorText.js';

/** 民主评议党员: opening a round, ballots, paper slips. */
export const appraisalErrorMessages = {
  not_organizational: {
    zh: '只有组织生活会进行民主评议党员。',
    en: 'Only an organizational life meeting appraises its members.',
  },
  'not_in_progress.appraisal': {
    zh: '会议不在进行中，不能进行民主评议投票。',
    en: 'The meeting is not in progress: no vote can be held.',
  },
  invalid_voters: {
    zh: '有人不能投票（非党员或缺席）：{names}',
    en: 'These people cannot vote (not members, or absent): {names}',
  },
  invalid_subjects: {
    zh: '有人不是本次会议的党员：{names}',
    en: 'Not members of this meeting: {names}',
  },
  'conflict.appraisal': {
    zh: '评议状态刚被更新，请重试。',
    en: 'The appraisal changed meanwhile; try again.',
  },
  appraisal_open: { zh: '本轮投票已经开始。', en: 'The vote has already been opened.' },
  appraisal_closed: { zh: '本次评议已结束。', en: 'This appraisal is over.' },
  appraisal_not_open: {
    zh: '投票已经结束或已被作废。',
    en: 'The vote has closed or was discarded.',
  },
  not_a_voter: {
    zh: '您不在本轮的投票人名单中。',
    en: 'You are not among the voters of this round.',
  },
  already_voted: {
    zh: '您已在其他设备或浏览器上投过票。如需修改，请在投票时使用的设备上修改。',
    en: 'You have already voted on another device or browser. To change your ballot, use the device you voted on.',
  },
  key_in_use: {
    zh: '这张选票的密钥已被使用，请刷新后重试。',
    en: 'This ballot key is in use; reload and try again.',
  },
  too_many_ballots: { zh: '选票数已达投票人数。', en: 'There are as many ballots as voters.' },
  'too_many_ballots.paper': {
    zh: '纸质票与电子票合计超过投票人数。',
    en: 'Paper and device ballots together exceed the voters.',
  },
  too_many_excellent: {
    zh: '“优秀”最多 {max} 人（参评 {subjects} 人的三分之一），本票选了 {excellent} 人。',
    en: 'At most {max} may be rated excellent (a third of {subjects}); this ballot has {excellent}.',
  },
  incomplete_ballot: {
    zh: '每位参评党员都要评定一个等次。',
    en: 'Every appraised member needs a grade.',
  },
  unknown_subject: {
    zh: '每位参评党员都要评定一个等次。',
    en: 'The ballot grades someone who is not appraised.',
  },
  invalid_paper: { zh: '纸质票的计数不正确。', en: 'The paper counts are not valid.' },
  'invalid_paper.not_appraised': {
    zh: '纸质票中有未参评的党员。',
    en: 'Member {id} is not appraised in this round.',
  },
  'invalid_paper.too_many_grades': {
    zh: '某位党员的等次合计 {sum} 个，超过了纸质票数 {ballots} 张。',
    en: 'Member {id} has {sum} grades from {ballots} slips.',
  },
  'invalid_paper.too_many_excellent': {
    zh: '“优秀”合计超过 {ballots} 张纸质票所能给出的数量（每张最多 {max} 人）。',
    en: 'More excellent grades than {ballots} slips can give ({max} each).',
  },
} as const satisfies Readonly<Record<string, ErrorText>>;
