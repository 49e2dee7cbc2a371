import type { MeetingAbilities } from '../rights/meetingAbilities.js';
import type { RightsCaller } from '../rights/rightsTypes.js';
import { z } from 'zod';
import type { BranchRole } from '../branches/branchSchemas.js';

/** 民主生活会 / 组织生活会 */
export const MEETING_KINDS = ['democratic-life', 'organizational-life'] as const;
export const meetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** 草稿 → 会前准备 → 进行中 → 已结束 (and reopened to 进行中). */
export const MEETING_STATUSES = ['draft', 'open', 'in-progress', 'closed'] as const;
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;

/** The moves a meeting's status may make; `closed → in-progress` is the reopen. */
export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  draft: ['open'],
  open: ['draft', 'in-progress'],
  'in-progress': ['closed'],
  closed: ['in-progress'],
};

/** 主持人 / 记录人 / 参会人员 / 列席人员 / 督导组 */
export const MEETING_ROLES = ['host', 'recorder', 'participant', 'attendee', 'supervisor'] as const;
export const meetingRoleSchema = z.enum(MEETING_ROLES);
export type MeetingRole = z.infer<typeof meetingRoleSchema>;

/** Roles that say how someone attends; a person has at most one of them. */
export const ATTENDANCE_ROLES: readonly MeetingRole[] = ['participant', 'attendee', 'supervisor'];

/** Roles that need branch membership; attendees and supervisors may come from outside. */
export const BRANCH_MEMBER_ROLES: readonly MeetingRole[] = ['host', 'recorder', 'participant'];

export const MeetingLimits = {
  maxAspects: 12,
  maxAspectLength: 60,
  maxTitleLength: 100,
  maxThemeLength: 500,
  maxLocationLength: 100,
  maxParticipants: 200,
} as const;

const titleSchema = z.string().trim().min(1).max(MeetingLimits.maxTitleLength);
const themeSchema = z.string().trim().max(MeetingLimits.maxThemeLength);
const yearSchema = z.number().int().min(2000).max(2100);
export const aspectsSchema = z
  .array(z.string().trim().min(1).max(MeetingLimits.maxAspectLength))
  .max(MeetingLimits.maxAspects)
  .refine((a) => new Set(a).size === a.length, 'aspects must differ');
/** Epoch milliseconds, or an ISO 8601 date-time with an offset; stored as epoch ms. */
const timeSchema = z.union([
  z.number().int().min(0).max(8.64e15),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
const locationSchema = z.string().trim().max(MeetingLimits.maxLocationLength);

export const createMeetingRequestSchema = z
  .object({
    branchId: z.number().int().positive(),
    kind: meetingKindSchema,
    title: titleSchema,
    theme: themeSchema.optional(),
    /** A built-in template's id or a branch template's `custom-<n>`; fills what is not given. */
    templateId: z.string().min(1).max(64).optional(),
    year: yearSchema.optional(),
    aspects: aspectsSchema.optional(),
    scheduledAt: timeSchema.optional(),
    location: locationSchema.optional(),
  })
  .strict();
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

export const updateMeetingRequestSchema = z
  .object({
    title: titleSchema.optional(),
    theme: themeSchema.optional(),
    year: yearSchema.optional(),
    aspects: aspectsSchema.optional(),
    scheduledAt: timeSchema.nullable().optional(),
    location: locationSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');
export type UpdateMeetingRequest = z.input<typeof updateMeetingRequestSchema>;

export const setMeetingStatusRequestSchema = z.object({ status: meetingStatusSchema }).strict();

export const participantEntrySchema = z
  .object({ userId: z.number().int().positive(), role: meetingRoleSchema })
  .strict();
export type ParticipantEntry = z.infer<typeof participantEntrySchema>;

/** The whole participant list, replacing the previous one. */
export const setParticipantsRequestSchema = z
  .array(participantEntrySchema)
  .max(MeetingLimits.maxParticipants * 2)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    const attendance = new Map<number, MeetingRole>();
    for (const [i, { userId, role }] of entries.entries()) {
      const key = `${userId}:${role}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'listed twice' });
      seen.add(key);
      if (!ATTENDANCE_ROLES.includes(role)) continue;
      const other = attendance.get(userId);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i], message: `already listed as ${other}` });
      }
      attendance.set(userId, role);
    }
    for (const [i, { userId, role }] of entries.entries()) {
      if ((role === 'host' || role === 'recorder') && attendance.get(userId) === 'supervisor') {
        ctx.addIssue({ code: 'custom', path: [i], message: 'a supervisor cannot also be ' + role });
      }
    }
  });

export interface MeetingParticipantView {
  userId: number;
  username: string;
  displayName: string;
  roles: MeetingRole[];
  /** Their role in the meeting's branch, or null (supervisors and guests). */
  branchRole: BranchRole | null;
}

export interface MeetingDocumentView {
  /** The document name on the wire: `m/<meetingId>/<document>`. */
  name: string;
  /** Chinese title, e.g. 个人对照检查材料（张三）. */
  title: string;
  kind: MeetingDocumentKind;
  /** Whose document it is (self, critique, notes), else null. */
  ownerId: number | null;
  canWrite: boolean;
}

export type MeetingDocumentKind = 'collective' | 'minutes' | 'self' | 'critique' | 'notes';

export interface MeetingView {
  id: number;
  branchId: number;
  branchName: string;
  kind: MeetingKind;
  title: string;
  year: number;
  theme: string;
  aspects: string[];
  scheduledAt: number | null;
  location: string | null;
  status: MeetingStatus;
  templateId: string | null;
  /** The branch's previous meeting of the same kind, if any. */
  previousMeetingId: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A meeting in a list, with the caller's roles in it. */
export interface MeetingSummaryView extends MeetingView {
  myRoles: MeetingRole[];
}

/** Someone who can be added to a meeting (`GET /api/meetings/:id/candidates`). */
export interface CandidateView {
  userId: number;
  username: string;
  displayName: string;
  /** Their role in the meeting's branch; only members may host, record or take part. */
  branchRole: BranchRole | null;
}

/** `GET /api/meetings/:id`. */
export interface MeetingDetailView extends MeetingView {
  participants: MeetingParticipantView[];
  /** The documents the caller may read, in display order. */
  documents: MeetingDocumentView[];
  /** The caller's roles in this meeting. */
  myRoles: MeetingRole[];
  /** Whether the caller may edit the meeting, its participants and its status. */
  canManage: boolean;
  /** The caller as the rule book knows them, for questions about one item (shared/rights). */
  me: RightsCaller;
  /** The caller's answers to every meeting-wide question of the rule book. */
  abilities: MeetingAbilities;
}

/** A branch's own template, for a local theme. */
export const createTemplateRequestSchema = z
  .object({
    kind: meetingKindSchema,
    year: yearSchema,
    name: titleSchema,
    theme: themeSchema,
    aspects: aspectsSchema,
  })
  .strict();
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;
