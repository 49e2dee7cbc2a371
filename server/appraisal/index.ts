import type { Router } from 'express';
import type { AuthModule } from '../auth/index.js';
import { appraisalRoutes } from '../http/appraisalRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModerationModule } from '../moderation/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import { AppraisalRounds } from './AppraisalRounds.js';
import { AppraisalService } from './AppraisalService.js';

/** 民主测评: the rounds, stored as secrets; tells `appraisalChanged`. */
export function appraisalModule(
  { database, events, config }: ModuleContext,
  deps: { records: MeetingRecords; moderation: ModerationModule; auth: AuthModule },
) {
  const { moderation } = deps.moderation;
  const appraisal = new AppraisalService({
    rounds: new AppraisalRounds(database.db, database.secrets),
    meetings: deps.records.meetings,
    stateFor: (meetingId, user, action) => moderation.stateFor(meetingId, user, action),
    audit: deps.auth.audit,
    minBallots: config.appraisalMinBallots,
    events,
  });
  return { appraisal, routes: [appraisalRoutes({ appraisal })] as Router[] };
}

export type AppraisalModule = ReturnType<typeof appraisalModule>;
