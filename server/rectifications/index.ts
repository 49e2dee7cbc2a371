import type { Router } from 'express';
import type { AuthModule } from '../auth/index.js';
import type { BranchesModule } from '../branches/index.js';
import type { DocumentsModule } from '../documents/index.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { rectificationRoutes } from '../http/rectificationRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModerationModule } from '../moderation/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import { RectificationAccess } from './RectificationAccess.js';
import { RectificationCarryOver } from './RectificationCarryOver.js';
import { RectificationProposals } from './RectificationProposals.js';
import { RectificationProposalService } from './RectificationProposalService.js';
import { Rectifications } from './Rectifications.js';
import { RectificationService } from './RectificationService.js';
import { RectificationViews } from './RectificationViews.js';

/**
 * 整改事项: items, proposals from imported materials, the ledger, and the carry-over a new
 * meeting opens with. Tells `rectificationChanged` and `rectificationProposalChanged`;
 * follows `meetingCreated` (the new meeting's agenda).
 */
export function rectificationsModule(
  { db, events, config }: ModuleContext,
  deps: {
    records: MeetingRecords;
    branches: BranchesModule;
    auth: AuthModule;
    /** Its event log is where the carry-over's agenda notes are written. */
    moderation: ModerationModule;
    documents: DocumentsModule;
  },
) {
  const { records } = deps;
  const { branches } = deps.branches;
  const { audit } = deps.auth;
  const timeZone = config.meetingTimeZone;
  const meetingAccess = records.access;
  const items = new Rectifications(db);
  const access = new RectificationAccess({
    meetings: records.meetings,
    branches,
    access: meetingAccess,
    items,
  });
  const views = new RectificationViews({
    accounts: deps.auth.accounts,
    documents: deps.documents.reader,
    mayReadDocument: async (user, document) => {
      const found = await meetingAccess.document(user, document);
      return (
        found !== 'unknown' &&
        meetingAccess.can(found.meeting, found.caller, 'document.read', {
          document: found.document,
        })
      );
    },
    progressOf: (ids) => items.progressOf(ids),
    timeZone,
  });
  const rectifications = new RectificationService({
    items,
    views,
    access,
    branches,
    audit,
    events,
  });
  const proposals = new RectificationProposalService({
    documents: deps.documents.reader,
    proposals: new RectificationProposals(db),
    items: rectifications,
    views,
    access,
    audit,
    events,
  });
  const carryOver = new RectificationCarryOver({
    itemsOf: (meetingId) => rectifications.listForMeeting(meetingId),
    log: deps.moderation.eventLog,
    timeZone,
  });
  events.on(DomainEvent.meetingCreated, ({ meeting }) => carryOver.meetingCreated(meeting));
  const routes = rectificationRoutes({
    rectifications,
    rectificationProposals: proposals,
    branches,
    auth: { audit },
    meetingTimeZone: timeZone,
  });
  return { rectifications, proposals, carryOver, routes: [routes] as Router[] };
}

export type RectificationsModule = ReturnType<typeof rectificationsModule>;
