import type { Generated } from 'kysely';
import type { AppraisalStatus } from '../../shared/appraisal/appraisalSchemas.js';
import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type { VersionKind } from '../../shared/documents/versionSchemas.js';
import type {
  MeetingKind,
  MeetingRole,
  MeetingStatus,
} from '../../shared/meetings/meetingSchemas.js';
import type {
  ProposalStatus,
  RectificationSource,
  RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';

/** One row per stored Yjs update; a compacted document has one merged row. */
export interface DocumentUpdateTable {
  /** Increasing in the order rows were written; unique in the table. */
  id: number;
  document: string;
  data: Uint8Array;
  created_at: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** argon2id, PHC string. */
  password_hash: string;
  is_admin: Generated<number>;
  disabled: Generated<number>;
  must_change_password: Generated<number>;
  failed_logins: Generated<number>;
  /** Epoch ms until which sign-in is refused, or null. */
  locked_until: number | null;
  created_at: number;
}

export interface SessionTable {
  /** SHA-256 of the session id, hex. */
  id_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** Absolute end of the session, epoch ms. */
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  action: string;
  actor_id: number | null;
  subject: string | null;
  ip: string | null;
  /** JSON object. */
  detail: Generated<string>;
}

export interface BranchTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface BranchMemberTable {
  branch_id: number;
  user_id: number;
  role: BranchRole;
}

export interface MeetingTable {
  id: Generated<number>;
  branch_id: number;
  kind: MeetingKind;
  title: string;
  year: number;
  theme: string;
  /** JSON array of strings. */
  aspects: string;
  scheduled_at: number | null;
  location: string | null;
  status: MeetingStatus;
  template_id: string | null;
  previous_meeting_id: number | null;
  created_by: number;
  created_at: number;
  updated_at: number;
}

export interface MeetingParticipantTable {
  meeting_id: number;
  user_id: number;
  /** A person may hold several (host and participant). */
  role: MeetingRole;
}

export interface MeetingDocumentTable {
  meeting_id: number;
  /** The document's wire name. */
  name: string;
  created_at: number;
}

export interface MeetingTemplateTable {
  id: Generated<number>;
  branch_id: number;
  kind: MeetingKind;
  year: number;
  name: string;
  theme: string;
  /** JSON array of strings. */
  aspects: string;
  created_at: number;
}

export interface MeetingEventTable {
  meeting_id: number;
  /** The state version this command produced: 1, 2, 3 … per meeting. */
  version: number;
  /** JSON of the applied command (a `ModerationCommand` or the server's `setRoster`). */
  command: string;
  /** Who sent it; null for the server's own commands. */
  actor_id: number | null;
  /** Server time the command was applied, epoch ms. */
  at: number;
}

export interface SpeechHeadingTable {
  meeting_id: number;
  speech_id: string;
  document: string;
}

/** A meeting's 民主评议 round; see migration 007 for why its columns are shaped so. */
export interface AppraisalRoundTable {
  meeting_id: number;
  status: AppraisalStatus;
  revision: number;
  /** JSON arrays of user ids: eligible voters, members appraised, voters who have voted (sorted). */
  voters: string;
  subjects: string;
  voted: string;
  /** JSON array of `{ key, grades }`, sorted by `key` (a SHA-256 of the voter's secret); [] once closed. */
  ballots: string;
  /** JSON `PaperBallots`, or null. */
  paper: string | null;
  /** JSON `AppraisalResult` once closed, else null. */
  result: string | null;
  min_ballots: number;
  opened_at: number | null;
  closed_at: number | null;
}

/** A named version of a document: its whole Yjs state when it was saved. */
export interface DocumentVersionTable {
  id: Generated<number>;
  document: string;
  label: string;
  kind: VersionKind;
  data: Uint8Array;
  /** Null for the versions the server saves itself. */
  created_by: number | null;
  created_at: number;
}

/** 整改事项; see migration 009. */
export interface RectificationTable {
  id: Generated<number>;
  meeting_id: number;
  branch_id: number;
  /** 序号 within the meeting, from 1. */
  seq: number;
  source: RectificationSource;
  aspect: string;
  problem: string;
  goal: string;
  measures: string;
  leader_user_id: number | null;
  owner_user_id: number;
  /** 'YYYY-MM-DD' or null. */
  deadline: string | null;
  /** 0/1: 长期坚持. */
  long_term: number;
  status: RectificationStatus;
  verified_at: number | null;
  verified_by: number | null;
  sent_back_reason: string | null;
  subject_user_id: number | null;
  speech_id: string | null;
  anchor_document: string | null;
  /** Base64 of `Y.encodeRelativePosition`. */
  anchor_start: string | null;
  anchor_end: string | null;
  anchor_quote: string | null;
  created_by: number;
  created_at: number;
  updated_at: number;
}

export interface RectificationProgressTable {
  id: Generated<number>;
  rectification_id: number;
  author_user_id: number;
  note: string;
  /** 'YYYY-MM-DD' */
  noted_on: string;
  created_at: number;
}

export interface RectificationProposalTable {
  id: Generated<number>;
  meeting_id: number;
  document: string;
  text: string;
  aspect: string;
  heading: string;
  status: ProposalStatus;
  created_by: number;
  created_at: number;
  decided_by: number | null;
  rectification_id: number | null;
}

export interface DatabaseSchema {
  document_updates: DocumentUpdateTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  branches: BranchTable;
  branch_members: BranchMemberTable;
  meetings: MeetingTable;
  meeting_participants: MeetingParticipantTable;
  meeting_documents: MeetingDocumentTable;
  meeting_templates: MeetingTemplateTable;
  meeting_events: MeetingEventTable;
  speech_headings: SpeechHeadingTable;
  appraisal_rounds: AppraisalRoundTable;
  document_versions: DocumentVersionTable;
  rectifications: RectificationTable;
  rectification_progress: RectificationProgressTable;
  rectification_proposals: RectificationProposalTable;
}
