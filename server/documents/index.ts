import type { JSONContent } from '@tiptap/core';
import type { Router } from 'express';
import * as Y from 'yjs';
import { versionRoutes } from '../http/versionRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { DocumentVersions } from './DocumentVersions.js';
import { ServerDocuments } from './ServerDocuments.js';

/** The server's own writes into documents, what they say as stored, and named versions. */
export function documentsModule(
  { db, store }: ModuleContext,
  { sync, records }: { sync: SyncServer; records: MeetingRecords },
) {
  const documents = new ServerDocuments(sync);
  const versions = new DocumentVersions({ db, store, documents });
  return {
    documents,
    versions,
    /** A document's current content as the editor's JSON; null when nothing was ever stored. */
    async contentOf(documentName: string): Promise<JSONContent | null> {
      const rows = await store.load(documentName);
      if (rows.length === 0) return null;
      return documents.contentOf(Y.mergeUpdates(rows.map((r) => r.data)));
    },
    routes: [versionRoutes({ versions, meetingAccess: records.access })] as Router[],
  };
}

export type DocumentsModule = ReturnType<typeof documentsModule>;
