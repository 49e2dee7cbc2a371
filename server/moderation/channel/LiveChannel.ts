import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import {
  MeetingEvent,
  socketRoomOfMeeting,
  type MeetingClientToServer,
  type MeetingServerToClient,
} from '../../../shared/moderation/meetingEvents.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import type { DomainEvents } from '../../events/DomainEvents.js';
import { DomainEvent } from '../../events/domainEventMap.js';

export type MeetingNamespace = Namespace<MeetingClientToServer, MeetingServerToClient>;

/**
 * What the watchers of a meeting (its `/meeting` room, on every instance through the socket.io
 * adapter) hear: the domain events that change what they see, each sent to the meeting's room.
 */
export class LiveChannel {
  constructor(
    private readonly nsp: MeetingNamespace,
    private readonly logger: Logger,
  ) {}

  /**
   * Subscribes to the events watchers hear. Subscribe after the modules: then moderation has
   * ended a running speech (and its state gone out) before a closed meeting's status goes out.
   */
  subscribe(events: DomainEvents): void {
    events.on(DomainEvent.meetingStateChanged, ({ meetingId, state, rosterChanged }) =>
      this.publishState(meetingId, state, rosterChanged),
    );
    events.on(DomainEvent.meetingStatusChanged, ({ meetingId, status }) => {
      this.room(meetingId).emit(MeetingEvent.status, { meetingId, status });
    });
    events.on(DomainEvent.appraisalChanged, (appraisal) => {
      const { meetingId } = appraisal;
      this.room(meetingId).emit(MeetingEvent.appraisal, { meetingId, appraisal });
    });
    events.on(DomainEvent.rectificationChanged, (rectification) => {
      const { meetingId } = rectification;
      this.room(meetingId).emit(MeetingEvent.rectification, { meetingId, rectification });
    });
    events.on(DomainEvent.rectificationProposalChanged, (proposal) => {
      const { meetingId } = proposal;
      this.room(meetingId).emit(MeetingEvent.rectificationProposal, { meetingId, proposal });
    });
  }

  /**
   * Sends the meeting's new state to everyone watching it; after a roster change, those no
   * longer in the meeting stop watching first.
   */
  private publishState(meetingId: number, state: MeetingState, rosterChanged: boolean): void {
    if (!rosterChanged) return this.emitState(meetingId, state);
    const room = socketRoomOfMeeting(meetingId);
    const members = new Set(state.roster.map((r) => r.userId));
    this.nsp
      .in(room)
      .fetchSockets()
      .then((sockets) => {
        for (const s of sockets) if (!members.has(s.data.userId as number)) s.leave(room);
        this.emitState(meetingId, state);
      })
      .catch((err: unknown) =>
        this.logger.error({ err, meetingId }, 'publishing a roster change failed'),
      );
  }

  private emitState(meetingId: number, state: MeetingState): void {
    this.room(meetingId).emit(MeetingEvent.state, { meetingId, state, serverTime: Date.now() });
  }

  private room(meetingId: number) {
    return this.nsp.to(socketRoomOfMeeting(meetingId));
  }
}
