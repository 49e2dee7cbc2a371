import { z } from 'zod';
import { documentNameSchema } from '../sync/documentName.js';
import {
  PROPOSAL_STATUSES,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
} from './rectificationCodes.js';

export const RectificationLimits = {
  maxAspectLength: 60,
  /** 问题表现, 整改目标, 整改措施, a progress note, a reason for sending back. */
  maxTextLength: 4000,
  maxQuoteLength: 2000,
  /** An encoded Yjs relative position is a few dozen bytes; this leaves room and no more. */
  maxPositionLength: 400,
  maxProposals: 200,
  maxHeadingLength: 200,
  maxPageSize: 200,
  defaultPageSize: 50,
} as const;

export const rectificationSourceSchema = z.enum(RECTIFICATION_SOURCES);
export const rectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);

/** A calendar date `YYYY-MM-DD` that exists (no 2月30日). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'no such date');

const userIdSchema = z.number().int().positive();
const text = (min: number) => z.string().trim().min(min).max(RectificationLimits.maxTextLength);
const aspectSchema = z.string().trim().max(RectificationLimits.maxAspectLength);
const positionSchema = z
  .string()
  .min(1)
  .max(RectificationLimits.maxPositionLength)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 of Y.encodeRelativePosition');

/**
 * A link to the text the item was captured from: two Yjs relative positions in the document
 * (`start` with assoc ≥ 0 on the first character, `end` with assoc -1 on the last, so that
 * typing at either edge stays outside) and the text as it was selected.
 */
export const rectificationAnchorSchema = z
  .object({
    document: documentNameSchema,
    start: positionSchema,
    end: positionSchema,
    quote: z.string().max(RectificationLimits.maxQuoteLength),
  })
  .strict();
export type RectificationAnchorInput = z.infer<typeof rectificationAnchorSchema>;

/** The fields a manager or the recorder fills in; shared by create, edit and accept. */
const itemFields = {
  aspect: aspectSchema,
  problem: text(1),
  goal: text(0),
  measures: text(0),
  leaderUserId: userIdSchema.nullable(),
  ownerUserId: userIdSchema,
  deadline: calendarDateSchema.nullable(),
  longTerm: z.boolean(),
};

/** `POST /api/meetings/:id/rectifications` */
export const createRectificationSchema = z
  .object({
    source: rectificationSourceSchema,
    aspect: itemFields.aspect.optional(),
    problem: itemFields.problem,
    goal: itemFields.goal.optional(),
    measures: itemFields.measures.optional(),
    leaderUserId: itemFields.leaderUserId.optional(),
    ownerUserId: itemFields.ownerUserId,
    deadline: itemFields.deadline.optional(),
    longTerm: itemFields.longTerm.optional(),
    status: rectificationStatusSchema.optional(),
    /** About whom, when captured during a speech (a criticism's subject). */
    subjectUserId: userIdSchema.nullable().optional(),
    speechId: z.string().min(1).max(64).nullable().optional(),
    anchor: rectificationAnchorSchema.nullable().optional(),
  })
  .strict();
export type CreateRectificationRequest = z.infer<typeof createRectificationSchema>;

/** `PATCH /api/rectifications/:id`: any of the fields; `null` clears those that may be empty. */
export const updateRectificationSchema = z
  .object({
    ...itemFields,
    source: rectificationSourceSchema,
    subjectUserId: userIdSchema.nullable(),
    speechId: z.string().min(1).max(64).nullable(),
    anchor: rectificationAnchorSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');
export type UpdateRectificationRequest = z.infer<typeof updateRectificationSchema>;

/** `POST /api/rectifications/:id/progress` */
export const addProgressSchema = z.object({ note: text(1), notedOn: calendarDateSchema }).strict();
export type AddProgressRequest = z.infer<typeof addProgressSchema>;

/** `POST /api/rectifications/:id/status`: never "verified" (that is 销号, a route of its own). */
export const setRectificationStatusSchema = z
  .object({ status: rectificationStatusSchema })
  .strict();

/** `POST /api/rectifications/:id/send-back` */
export const sendBackSchema = z.object({ reason: text(1) }).strict();

/** One measure from an imported material, offered as an item to be. */
export const proposalInputSchema = z
  .object({
    text: text(1),
    aspect: aspectSchema.default(''),
    heading: z.string().trim().max(RectificationLimits.maxHeadingLength).default(''),
  })
  .strict();

/** `POST /api/meetings/:id/rectification-proposals` */
export const createProposalsSchema = z
  .object({
    document: documentNameSchema,
    proposals: z.array(proposalInputSchema).min(1).max(RectificationLimits.maxProposals),
  })
  .strict();
export type CreateProposalsRequest = z.input<typeof createProposalsSchema>;

/** `POST /api/meetings/:id/rectification-proposals/from-document`: its 整改措施 as it reads now. */
export const proposeFromDocumentSchema = z.object({ document: documentNameSchema }).strict();

/**
 * `POST /api/meetings/:id/rectification-proposals/:pid/accept`: what to fill in. Left out:
 * `problem` is the proposal's text, `aspect` its aspect, `ownerUserId` the owner of the
 * personal material it came from.
 */
export const acceptProposalSchema = z.object(itemFields).partial().strict();
export type AcceptProposalRequest = z.infer<typeof acceptProposalSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((s) => s === 'true');
const positiveQuery = z.coerce.number().int().positive();

/** `GET /api/branches/:id/rectifications` query. */
export const ledgerQuerySchema = z
  .object({
    meetingId: positiveQuery.optional(),
    status: rectificationStatusSchema.optional(),
    ownerId: positiveQuery.optional(),
    overdue: booleanQuery.optional(),
    aspect: aspectSchema.optional(),
    sort: z.enum(['deadline', 'seq', 'status', 'updated']).default('seq'),
    page: positiveQuery.default(1),
    pageSize: positiveQuery
      .max(RectificationLimits.maxPageSize)
      .default(RectificationLimits.defaultPageSize),
  })
  .strict();
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

/** `GET /api/branches/:id/rectifications.xlsx` query: the ledger's filters, every page at once. */
export const ledgerExportQuerySchema = ledgerQuerySchema.omit({ page: true, pageSize: true });
