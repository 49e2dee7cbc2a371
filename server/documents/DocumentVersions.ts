import type { JSONContent } from '@tiptap/core';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import {
  AUTOMATIC_VERSION_LABELS,
  type DocumentVersionView,
  type VersionKind,
} from '../../shared/documents/versionSchemas.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';
import type { DocumentReader } from './DocumentReader.js';
import type { ServerDocuments } from './ServerDocuments.js';

export interface DocumentVersionsDeps {
  db: Kysely<DatabaseSchema>;
  /** Reads the documents' current states and a version's content. */
  reader: DocumentReader;
  /** Writes a restored version's content into the live document. */
  documents: ServerDocuments;
  now?: () => number;
}

/**
 * Named versions of documents, each the whole Yjs state when it was saved. A restore saves the
 * current state first, then changes the live document back to the version's content.
 */
export class DocumentVersions {
  private readonly now: () => number;

  constructor(private readonly deps: DocumentVersionsDeps) {
    this.now = deps.now ?? Date.now;
  }

  async save(
    document: string,
    label: string,
    kind: VersionKind,
    by: number | null,
  ): Promise<DocumentVersionView> {
    const data = (await this.deps.reader.state(document)) ?? emptyState();
    const { id } = await this.deps.db
      .insertInto('document_versions')
      .values({
        document,
        label,
        kind,
        data: Buffer.from(data),
        created_by: by,
        created_at: this.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.describe(id))!;
  }

  /**
   * The server's own version of every document of a meeting that has any content (at its
   * start, 会前定稿; at its close, 会议结束).
   */
  async saveMeeting(meetingId: number, kind: Exclude<VersionKind, 'manual'>): Promise<number> {
    const documents = await this.deps.db
      .selectFrom('document_updates')
      .select('document')
      .distinct()
      .where('document', 'like', `m/${meetingId}/%`)
      .execute();
    for (const { document } of documents) {
      await this.save(document, AUTOMATIC_VERSION_LABELS[kind], kind, null);
    }
    return documents.length;
  }

  /** The document's versions, newest first. */
  async list(document: string): Promise<DocumentVersionView[]> {
    const rows = await this.selectViews().where('v.document', '=', document).execute();
    return rows.map(toView);
  }

  /** The version's facts without its content (which takes decoding the whole state). */
  async describe(id: number): Promise<DocumentVersionView | null> {
    const row = await this.selectViews().where('v.id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async find(id: number): Promise<{ version: DocumentVersionView; content: JSONContent } | null> {
    const row = await this.selectViews().select('v.data').where('v.id', '=', id).executeTakeFirst();
    if (!row) return null;
    return { version: toView(row), content: this.deps.reader.contentOf(row.data) };
  }

  /** Saves the document as it is (恢复前自动保存), then brings the version's content back. */
  async restore(id: number, by: number): Promise<DocumentVersionView> {
    const found = await this.find(id);
    if (!found) throw new Error(`no version ${id}`);
    const before = await this.save(
      found.version.document,
      AUTOMATIC_VERSION_LABELS['before-restore'],
      'before-restore',
      by,
    );
    await this.deps.documents.replace(found.version.document, found.content);
    return before;
  }

  private selectViews() {
    return this.deps.db
      .selectFrom('document_versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select([
        'v.id',
        'v.document',
        'v.label',
        'v.kind',
        'v.created_at',
        'v.created_by',
        'u.display_name',
      ])
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc');
  }
}

interface ViewRow {
  id: number;
  document: string;
  label: string;
  kind: VersionKind;
  created_at: number;
  created_by: number | null;
  display_name: string | null;
}

function toView(row: ViewRow): DocumentVersionView {
  return {
    id: row.id,
    document: row.document,
    label: row.label,
    kind: row.kind,
    createdAt: row.created_at,
    createdBy:
      row.created_by === null
        ? null
        : { id: row.created_by, displayName: row.display_name ?? String(row.created_by) },
  };
}

/** The state of a document nobody has written to yet. */
function emptyState(): Uint8Array {
  return Y.encodeStateAsUpdate(new Y.Doc());
}
