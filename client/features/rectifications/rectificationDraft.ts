import type { RectificationSource } from '../../../shared/rectifications/rectificationCodes.js';
import type { CreateRectificationRequest } from '../../../shared/rectifications/rectificationSchemas.js';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';

/** What the item form holds while it is filled in: text as typed, people by id. */
export interface RectificationDraft {
  source: RectificationSource;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  ownerUserId: number | null;
  leaderUserId: number | null;
  /** YYYY-MM-DD as the date field gives it, '' for none. */
  deadline: string;
  longTerm: boolean;
}

export const emptyDraft: RectificationDraft = {
  source: 'self-check',
  aspect: '',
  problem: '',
  goal: '',
  measures: '',
  ownerUserId: null,
  leaderUserId: null,
  deadline: '',
  longTerm: false,
};

/** The draft an existing item is edited from. */
export function draftOf(item: RectificationView): RectificationDraft {
  return {
    source: item.source,
    aspect: item.aspect,
    problem: item.problem,
    goal: item.goal,
    measures: item.measures,
    ownerUserId: item.owner.id,
    leaderUserId: item.leader?.id ?? null,
    deadline: item.deadline ?? '',
    longTerm: item.longTerm,
  };
}

/** Whether the server would take it: a problem and an owner are required. */
export function isComplete(draft: RectificationDraft): boolean {
  return draft.problem.trim() !== '' && draft.ownerUserId !== null;
}

/** The fields as the create, edit and accept bodies spell them. */
export function draftFields(draft: RectificationDraft) {
  return {
    aspect: draft.aspect.trim(),
    problem: draft.problem.trim(),
    goal: draft.goal.trim(),
    measures: draft.measures.trim(),
    ownerUserId: draft.ownerUserId ?? 0,
    leaderUserId: draft.leaderUserId,
    // A long-term item has no deadline (完成时限 reads 长期坚持).
    deadline: draft.longTerm || draft.deadline === '' ? null : draft.deadline,
    longTerm: draft.longTerm,
  };
}

/** `POST /api/meetings/:id/rectifications` from the draft and where it was captured. */
export function createRequest(
  draft: RectificationDraft,
  context: Pick<CreateRectificationRequest, 'subjectUserId' | 'speechId' | 'anchor'> = {},
): CreateRectificationRequest {
  return { source: draft.source, ...draftFields(draft), ...context };
}

/** Today in this browser's zone, YYYY-MM-DD (en-CA writes dates that way). */
export function localToday(): string {
  return new Intl.DateTimeFormat('en-CA').format(new Date());
}
