import type { ErrorText } from './errorText.js';

/** Refusals of the meeting's live channel: moderation commands, joining, presence. */
export const moderationErrorMessages = {
  invalid_command: { zh: '指令格式不正确。', en: 'Invalid command: {detail}' },
  'invalid_command.duplicate_phase': { zh: '环节重复。', en: 'A phase appears twice.' },
  'invalid_command.foreign_document': {
    zh: '不是本次会议的文档。',
    en: 'Not a document of this meeting.',
  },
  'forbidden.role': { zh: '您的角色不能执行此操作。', en: 'Not for your role.' },
  not_in_progress: { zh: '会议未在进行。', en: 'The meeting is not in progress.' },
  phase_in_use: { zh: '不能删除正在进行的环节。', en: 'The current phase cannot be removed.' },
  unknown_phase: { zh: '没有这个环节。', en: 'No such phase.' },
  speech_in_progress: { zh: '请先结束当前发言。', en: 'End the current speech first.' },
  unknown_user: { zh: '有人不是参会人员。', en: 'Not participants: {ids}' },
  'unknown_user.not_in_meeting': { zh: '不在会议中。', en: 'Not in the meeting.' },
  'unknown_user.subject': {
    zh: '被批评人不在会议中。',
    en: 'The person criticized is not in the meeting.',
  },
  unknown_speech: { zh: '发言顺序中没有这项。', en: 'Not in the speaking order.' },
  'unknown_speech.given': { zh: '没有这次发言。', en: 'No such speech.' },
  no_phase: { zh: '请先开始一个环节。', en: 'Start a phase first.' },
  empty_order: { zh: '本环节的发言顺序已空。', en: 'The speaking order of this phase is empty.' },
  no_speech: { zh: '当前没有发言。', en: 'Nobody is speaking.' },
  already_paused: { zh: '发言已暂停。', en: 'The speech is already paused.' },
  not_paused: { zh: '发言未暂停。', en: 'The speech is not paused.' },
  no_hand: { zh: '没有举手。', en: 'No hand is raised.' },
  'no_hand.of_person': { zh: '该人员没有举手。', en: 'This person has not raised a hand.' },
} as const satisfies Readonly<Record<string, ErrorText>>;
