import type { Router } from 'express';
import type { Server } from 'socket.io';
import type { AuthModule } from '../auth/index.js';
import type { DocumentsModule } from '../documents/index.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { speechRoutes } from '../http/speechRoutes.js';
import type { MeetingRecords } from '../meetings/index.js';
import type { ModuleContext } from '../ModuleContext.js';
import type { LiveChannel } from './channel/LiveChannel.js';
import { attachMeetingNamespace } from './channel/meetingNamespace.js';
import { MeetingEventLog } from './MeetingEventLog.js';
import { ModerationService } from './ModerationService.js';
import { SpeechHeadingWriter } from './SpeechHeadingWriter.js';

/**
 * Moderation proper (the commands, their log and the speeches' headings in the minutes) and,
 * once socket.io is up, the meeting's live channel (`channel/`: namespace, presence and what
 * watchers hear). Follows `speechStarted`, `rosterChanged` and `meetingStatusChanged`.
 */
export function moderationModule(
  { db, events, logger, config }: ModuleContext,
  { records, documents }: { records: MeetingRecords; documents: DocumentsModule },
) {
  const { meetings } = records;
  const eventLog = new MeetingEventLog(db);
  const moderation = new ModerationService({
    meetings,
    access: records.access,
    log: eventLog,
    logger,
    events,
  });
  const headings = new SpeechHeadingWriter(
    { meetings, log: eventLog, documents: documents.documents },
    config.meetingTimeZone,
  );
  events.on(DomainEvent.speechStarted, ({ meeting, speech }) => headings.write(meeting, speech));
  events.on(DomainEvent.rosterChanged, ({ meetingId }) => moderation.rosterChanged(meetingId));
  // A speech still running ends as the meeting closes, before watchers hear it closed.
  events.on(DomainEvent.meetingStatusChanged, async ({ meetingId, status }) => {
    if (status === 'closed') await moderation.meetingClosed(meetingId);
  });
  return {
    moderation,
    eventLog,
    routes: [speechRoutes({ moderation })] as Router[],
    /**
     * The `/meeting` namespace on socket.io. Attach it after every module has subscribed: the
     * live channel's listeners then run after the modules' own reactions to the same events.
     */
    attachChannel(io: Server, { sessions, sessionWatch: watch }: AuthModule): LiveChannel {
      return attachMeetingNamespace(io, { sessions, watch, moderation, events, logger });
    },
  };
}

export type ModerationModule = ReturnType<typeof moderationModule>;
