import type { DatabaseSchema } from './DatabaseSchema.js';

/**
 * What a column holds, so that both engines' values compare alike: `flag` is 0/1 (SQLite) or
 * a boolean (a PostgreSQL boolean column); `integer` may come back as a number or a bigint.
 */
export type ColumnKind = 'integer' | 'flag' | 'text' | 'bytes';

export type TableName = keyof DatabaseSchema & string;

export interface CopiedTable {
  name: TableName;
  /** The primary key: rows are read in this order, a batch at a time. */
  key: readonly string[];
  /** Every column, in a fixed order (the order of the canonical row). */
  columns: ReadonlyArray<readonly [column: string, kind: ColumnKind]>;
  /** An auto-numbered column (an identity column on PostgreSQL) whose sequence must follow. */
  identity?: string;
  /** Columns pointing at rows of the same table: filled in once all rows are there. */
  selfReferences?: readonly string[];
}

interface TableSpec<Row> {
  key: ReadonlyArray<keyof Row & string>;
  columns: { [C in keyof Row & string]-?: ColumnKind };
  identity?: keyof Row & string;
  selfReferences?: ReadonlyArray<keyof Row & string>;
}

// Typed against DatabaseSchema: a table or column added there without being added here fails
// the typecheck, so the copy can never silently leave data behind. Listed in foreign-key order:
// a table comes after every table it refers to.
const specs: { [T in TableName]: TableSpec<DatabaseSchema[T]> } = {
  users: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      username: 'text',
      display_name: 'text',
      password_hash: 'text',
      is_admin: 'flag',
      disabled: 'flag',
      must_change_password: 'flag',
      failed_logins: 'integer',
      locked_until: 'integer',
      created_at: 'integer',
    },
  },
  sessions: {
    key: ['id_hash'],
    columns: {
      id_hash: 'text',
      user_id: 'integer',
      created_at: 'integer',
      last_seen_at: 'integer',
      expires_at: 'integer',
    },
  },
  audit_log: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      at: 'integer',
      action: 'text',
      actor_id: 'integer',
      subject: 'text',
      ip: 'text',
      detail: 'text',
    },
  },
  branches: {
    key: ['id'],
    identity: 'id',
    columns: { id: 'integer', name: 'text', created_at: 'integer' },
  },
  branch_members: {
    key: ['branch_id', 'user_id'],
    columns: { branch_id: 'integer', user_id: 'integer', role: 'text' },
  },
  meetings: {
    key: ['id'],
    identity: 'id',
    selfReferences: ['previous_meeting_id'],
    columns: {
      id: 'integer',
      branch_id: 'integer',
      kind: 'text',
      title: 'text',
      year: 'integer',
      theme: 'text',
      aspects: 'text',
      scheduled_at: 'integer',
      location: 'text',
      status: 'text',
      template_id: 'text',
      previous_meeting_id: 'integer',
      created_by: 'integer',
      created_at: 'integer',
      updated_at: 'integer',
    },
  },
  meeting_participants: {
    key: ['meeting_id', 'user_id', 'role'],
    columns: { meeting_id: 'integer', user_id: 'integer', role: 'text' },
  },
  meeting_documents: {
    key: ['meeting_id', 'name'],
    columns: { meeting_id: 'integer', name: 'text', created_at: 'integer' },
  },
  meeting_templates: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      branch_id: 'integer',
      kind: 'text',
      year: 'integer',
      name: 'text',
      theme: 'text',
      aspects: 'text',
      created_at: 'integer',
    },
  },
  meeting_events: {
    key: ['meeting_id', 'version'],
    columns: {
      meeting_id: 'integer',
      version: 'integer',
      command: 'text',
      actor_id: 'integer',
      at: 'integer',
    },
  },
  speech_headings: {
    key: ['meeting_id', 'speech_id', 'document'],
    columns: { meeting_id: 'integer', speech_id: 'text', document: 'text' },
  },
  appraisal_rounds: {
    key: ['meeting_id'],
    columns: {
      meeting_id: 'integer',
      status: 'text',
      revision: 'integer',
      voters: 'text',
      subjects: 'text',
      voted: 'text',
      ballots: 'text',
      paper: 'text',
      result: 'text',
      min_ballots: 'integer',
      opened_at: 'integer',
      closed_at: 'integer',
    },
  },
  document_versions: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      document: 'text',
      label: 'text',
      kind: 'text',
      data: 'bytes',
      created_by: 'integer',
      created_at: 'integer',
    },
  },
  rectifications: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      meeting_id: 'integer',
      branch_id: 'integer',
      seq: 'integer',
      source: 'text',
      aspect: 'text',
      problem: 'text',
      goal: 'text',
      measures: 'text',
      leader_user_id: 'integer',
      owner_user_id: 'integer',
      deadline: 'text',
      long_term: 'integer',
      status: 'text',
      verified_at: 'integer',
      verified_by: 'integer',
      sent_back_reason: 'text',
      subject_user_id: 'integer',
      speech_id: 'text',
      anchor_document: 'text',
      anchor_start: 'text',
      anchor_end: 'text',
      anchor_quote: 'text',
      created_by: 'integer',
      created_at: 'integer',
      updated_at: 'integer',
    },
  },
  rectification_progress: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      rectification_id: 'integer',
      author_user_id: 'integer',
      note: 'text',
      noted_on: 'text',
      created_at: 'integer',
    },
  },
  rectification_proposals: {
    key: ['id'],
    identity: 'id',
    columns: {
      id: 'integer',
      meeting_id: 'integer',
      document: 'text',
      text: 'text',
      aspect: 'text',
      heading: 'text',
      status: 'text',
      created_by: 'integer',
      created_at: 'integer',
      decided_by: 'integer',
      rectification_id: 'integer',
    },
  },
  document_updates: {
    key: ['document', 'id'],
    columns: { document: 'text', id: 'integer', data: 'bytes', created_at: 'integer' },
  },
};

/** Every application table, parents before children. Migration bookkeeping is not among them. */
export const COPIED_TABLES: readonly CopiedTable[] = Object.entries(specs).map(
  ([name, spec]: [string, TableSpec<Record<string, unknown>>]) => ({
    name: name as TableName,
    key: spec.key,
    columns: Object.entries(spec.columns),
    identity: spec.identity,
    selfReferences: spec.selfReferences,
  }),
);
