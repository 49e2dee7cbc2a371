import type { Generated } from 'kysely';

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
  /** A `BranchRole`. */
  role: string;
}

export interface DatabaseSchema {
  document_updates: DocumentUpdateTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  branches: BranchTable;
  branch_members: BranchMemberTable;
}
