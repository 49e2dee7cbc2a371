import type { Router } from 'express';
import type { AuthModule } from '../auth/index.js';
import type { BranchesModule } from '../branches/index.js';
import type { DocumentsModule } from '../documents/index.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { meetingRoutes } from '../http/meetingRoutes.js';
import { templateRoutes } from '../http/templateRoutes.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { RectificationsModule } from '../rectifications/index.js';
import { MeetingAccess } from './MeetingAccess.js';
import { MeetingDocumentWriter } from './MeetingDocumentWriter.js';
import { Meetings } from './Meetings.js';
import { MeetingService } from './MeetingService.js';
import { MeetingTemplates } from './MeetingTemplates.js';

/**
 * The meetings' records and who may see them. Apart from `meetingsModule` because the
 * rectifications read them, while creating a meeting reads the rectifications (its agenda).
 */
export function meetingRecords({ db }: ModuleContext, { branches }: BranchesModule) {
  const meetings = new Meetings(db);
  return {
    meetings,
    access: new MeetingAccess({ meetings, branches }),
    templates: new MeetingTemplates(db),
  };
}

export type MeetingRecords = ReturnType<typeof meetingRecords>;

/**
 * How meetings change, and their routes. Tells `meetingCreated`, `rosterChanged`,
 * `meetingStatusChanged` and `documentAccessChanged`; follows `branchMemberChanged`.
 */
export function meetingsModule(
  { events }: ModuleContext,
  deps: {
    records: MeetingRecords;
    branches: BranchesModule;
    auth: AuthModule;
    documents: DocumentsModule;
    rectifications: RectificationsModule;
  },
) {
  const { records, documents } = deps;
  const { branches } = deps.branches;
  const { accounts, audit } = deps.auth;
  // The collective material opens with the report on the previous meeting's items.
  const carryOver = deps.rectifications.carryOver;
  const service = new MeetingService({
    versions: documents.versions,
    meetings: records.meetings,
    branches,
    accounts,
    audit,
    documents: new MeetingDocumentWriter(records.meetings, documents.documents, (meeting) =>
      carryOver.openingSection(meeting),
    ),
    events,
  });
  events.on(DomainEvent.branchMemberChanged, ({ branchId, userId }) =>
    service.branchMemberChanged(branchId, userId),
  );
  const routeDeps = {
    accounts,
    audit,
    branches,
    meetings: records.meetings,
    meetingService: service,
    meetingAccess: records.access,
    templates: records.templates,
  };
  return {
    service,
    routes: [templateRoutes(routeDeps), meetingRoutes(routeDeps)] as Router[],
  };
}
