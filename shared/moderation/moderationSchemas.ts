import { z } from 'zod';

/** 开场 / 通报 / 班子对照检查 / 自我批评 / 批评 / 表态 / 自我评价 / 相互评议 / 点评 / 总结 / 自由发言 */
export const SPEECH_KINDS = [
  'opening',
  'report',
  'presentation',
  'self-criticism',
  'criticism',
  'response',
  'self-appraisal',
  'mutual-appraisal',
  'comment',
  'summary',
  'free',
] as const;
export const speechKindSchema = z.enum(SPEECH_KINDS);
export type SpeechKind = z.infer<typeof speechKindSchema>;

/** What a phase of the procedure is for; it decides how its speaking order is generated. */
export const PHASE_KINDS = [
  'opening',
  'report',
  'collective',
  'criticism-round',
  /** 民主评议党员 (组织生活会): self-appraisals, then mutual appraisals; the ballot follows. */
  'appraisal',
  'supervisor-comments',
  'summary',
  'other',
] as const;
export const phaseKindSchema = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof phaseKindSchema>;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave'] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const HAND_PURPOSES = ['criticism', 'speak'] as const;
export const handPurposeSchema = z.enum(HAND_PURPOSES);
export type HandPurpose = z.infer<typeof handPurposeSchema>;

export const ModerationLimits = {
  maxPhases: 20,
  maxPhaseTitleLength: 40,
  /** A phase's notes (the 通报 phase's carried-over rectification report, say). */
  maxPhaseNotesLength: 4000,
  maxOrderLength: 2000,
  maxReasonLength: 200,
  maxSpeechSeconds: 4 * 60 * 60,
  /** Messages one socket of the `/meeting` namespace may send per second, and in a burst. */
  messagesPerSecond: 20,
  messageBurst: 60,
} as const;

const userId = z.number().int().positive();
const speechId = z.string().min(1).max(40);
const phaseId = z.string().min(1).max(40);
const seconds = z.number().int().min(10).max(ModerationLimits.maxSpeechSeconds);

export const phaseInputSchema = z
  .object({
    id: phaseId.optional(),
    title: z.string().trim().min(1).max(ModerationLimits.maxPhaseTitleLength),
    kind: phaseKindSchema,
    /** Left out, an existing phase keeps its notes; a string (even '') replaces them. */
    notes: z.string().max(ModerationLimits.maxPhaseNotesLength).optional(),
  })
  .strict();
export type PhaseInput = z.infer<typeof phaseInputSchema>;

export const plannedSpeechInputSchema = z
  .object({ speakerId: userId, kind: speechKindSchema, subjectId: userId.nullable().default(null) })
  .strict();

/** What a client may ask of the meeting's state; the server adds who asked and when. */
export const moderationCommandSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('setPhases'),
      phases: z.array(phaseInputSchema).min(1).max(ModerationLimits.maxPhases),
    })
    .strict(),
  z.object({ type: z.literal('startPhase'), phaseId }).strict(),
  z.object({ type: z.literal('setSpeakerOrder'), userIds: z.array(userId).max(500) }).strict(),
  z.object({ type: z.literal('regenerateOrder'), phaseId }).strict(),
  z
    .object({
      type: z.literal('insertSpeech'),
      phaseId,
      index: z.number().int().min(0),
      speech: plannedSpeechInputSchema,
    })
    .strict(),
  z
    .object({ type: z.literal('moveSpeech'), phaseId, speechId, toIndex: z.number().int().min(0) })
    .strict(),
  z.object({ type: z.literal('removeSpeech'), phaseId, speechId }).strict(),
  z.object({ type: z.literal('repeatSpeech'), speechId }).strict(),
  z.object({ type: z.literal('startSpeech'), speechId: speechId.optional() }).strict(),
  z.object({ type: z.literal('endSpeech') }).strict(),
  z.object({ type: z.literal('pauseSpeech') }).strict(),
  z.object({ type: z.literal('resumeSpeech') }).strict(),
  z.object({ type: z.literal('setLimit'), kind: speechKindSchema, seconds }).strict(),
  z
    .object({ type: z.literal('extendSpeech'), seconds: z.number().int().min(-3600).max(3600) })
    .strict(),
  z
    .object({
      type: z.literal('raiseHand'),
      purpose: handPurposeSchema,
      subjectId: userId.nullable().default(null),
    })
    .strict(),
  z.object({ type: z.literal('lowerHand') }).strict(),
  z.object({ type: z.literal('acceptHand'), userId }).strict(),
  z.object({ type: z.literal('dismissHand'), userId }).strict(),
  z.object({ type: z.literal('signIn') }).strict(),
  z
    .object({
      type: z.literal('setAttendance'),
      userId,
      status: attendanceStatusSchema,
      reason: z.string().trim().max(ModerationLimits.maxReasonLength).default(''),
    })
    .strict(),
]);
export type ModerationCommand = z.infer<typeof moderationCommandSchema>;
export type ModerationCommandType = ModerationCommand['type'];

/** A command as the server applies it: who sent it, and when (server time, epoch ms). */
export interface CommandContext {
  by: number;
  at: number;
}
