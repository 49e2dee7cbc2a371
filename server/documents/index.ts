import type { Router } from 'express';
import { versionRoutes } from '../http/versionRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { DocumentReader } from './DocumentReader.js';
import { DocumentVersions } from './DocumentVersions.js';
import { ServerDocuments } from './ServerDocuments.js';

/** The server's own writes into documents, what they say as stored, and named versions. */
export function documentsModule(
  { db, store }: ModuleContext,
  { sync, records }: { sync: SyncServer; records: MeetingRecords },
) {
  const documents = new ServerDocuments(sync);
  const reader = new DocumentReader(store);
  const versions = new DocumentVersions({ db, reader, documents });
  return {
    documents,
    reader,
    versions,
    routes: [versionRoutes({ versions, meetingAccess: records.access })] as Router[],
  };
}

export type DocumentsModule = ReturnType<typeof documentsModule>;
