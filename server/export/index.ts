import type { Router } from 'express';
import type { AppraisalModule } from '../appraisal/index.js';
import type { AuthModule } from '../auth/index.js';
import type { BranchesModule } from '../branches/index.js';
import type { DocumentsModule } from '../documents/index.js';
import { exportRoutes } from '../http/exportRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModerationModule } from '../moderation/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { RectificationsModule } from '../rectifications/index.js';
import { MeetingExports } from './MeetingExports.js';
import { MeetingRecordReader } from './MeetingRecordReader.js';

/** A meeting's record gathered and written out as files (.docx, .md, the ledger). */
export function exportModule(
  { config }: ModuleContext,
  deps: {
    records: MeetingRecords;
    branches: BranchesModule;
    auth: AuthModule;
    documents: DocumentsModule;
    moderation: ModerationModule;
    appraisal: AppraisalModule;
    rectifications: RectificationsModule;
  },
) {
  const { records } = deps;
  const timeZone = config.meetingTimeZone;
  const reader = new MeetingRecordReader({
    meetings: records.meetings,
    branches: deps.branches.branches,
    appraisal: deps.appraisal.appraisal,
    rectifications: deps.rectifications.rectifications,
    documents: deps.documents.reader,
    timeZone,
  });
  const meetingExports = new MeetingExports({
    meetings: records.meetings,
    meetingAccess: records.access,
    moderation: deps.moderation.moderation,
    audit: deps.auth.audit,
    timeZone,
    records: reader,
  });
  return { meetingExports, routes: [exportRoutes({ meetingExports })] as Router[] };
}
