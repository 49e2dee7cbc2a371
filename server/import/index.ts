import type { Router } from 'express';
import type { AuthModule } from '../auth/index.js';
import type { DocumentsModule } from '../documents/index.js';
import { importRoutes } from '../http/importRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';

/** Files and pasted text imported into a meeting's documents. */
export function importModule(deps: {
  records: MeetingRecords;
  documents: DocumentsModule;
  auth: AuthModule;
}) {
  const routes = importRoutes({
    meetings: deps.records.meetings,
    meetingAccess: deps.records.access,
    versions: deps.documents.versions,
    documents: deps.documents.documents,
    audit: deps.auth.audit,
  });
  return { routes: [routes] as Router[] };
}
