import type {
  ProposalStatus,
  RectificationSource,
  RectificationStatus,
} from './rectificationCodes.js';

export interface PersonRef {
  id: number;
  displayName: string;
}

export interface ProgressView {
  id: number;
  author: PersonRef;
  note: string;
  /** The day the progress was made, YYYY-MM-DD. */
  notedOn: string;
  createdAt: number;
}

export interface AnchorView {
  document: string;
  /** The text as it was selected. */
  quote: string;
  /** The text between the two positions now; null when they no longer resolve. */
  current: string | null;
}

/** 整改事项, as the meeting page, the ledger and the exports show it. */
export interface RectificationView {
  id: number;
  meetingId: number;
  branchId: number;
  /** 序号 within its meeting, from 1. */
  seq: number;
  source: RectificationSource;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  leader: PersonRef | null;
  owner: PersonRef;
  /** 完成时限 YYYY-MM-DD, or null. */
  deadline: string | null;
  /** 长期坚持 */
  longTerm: boolean;
  status: RectificationStatus;
  /** 销号: when (epoch ms) and by whom; null until then. */
  verified: { at: number; by: PersonRef } | null;
  /** Why the secretary last sent it back, until it is verified. */
  sentBackReason: string | null;
  subject: PersonRef | null;
  speechId: string | null;
  anchor: AnchorView | null;
  latestProgress: ProgressView | null;
  /** Past the deadline (in the meeting time zone) and neither done, long-term nor verified. */
  overdue: boolean;
  createdBy: PersonRef;
  createdAt: number;
  updatedAt: number;
}

/** `GET /api/rectifications/:id`: with every progress note, oldest first. */
export interface RectificationDetailView extends RectificationView {
  progress: ProgressView[];
  /**
   * The link's two positions as stored (base64 of Y.encodeRelativePosition), for the editor
   * to select the text; null without a link. Only here: the lists need the text, not these.
   */
  anchorPositions: { start: string; end: string } | null;
}

/** A measure from an imported material, waiting to become an item or be dropped. */
export interface RectificationProposalView {
  id: number;
  meetingId: number;
  document: string;
  text: string;
  aspect: string;
  heading: string;
  status: ProposalStatus;
  createdBy: PersonRef;
  createdAt: number;
  decidedBy: PersonRef | null;
  rectificationId: number | null;
}

export interface LedgerPage {
  items: RectificationView[];
  total: number;
}

/** The socket.io events (on `/meeting`, to the meeting's watchers) after every change. */
export const RECTIFICATION_EVENT = 'rectification';
export const RECTIFICATION_PROPOSAL_EVENT = 'rectificationProposal';

export interface RectificationMessage {
  meetingId: number;
  rectification: RectificationView;
}

export interface RectificationProposalMessage {
  meetingId: number;
  proposal: RectificationProposalView;
}
