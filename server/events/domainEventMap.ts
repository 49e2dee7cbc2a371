import type { AppraisalView } from '../../shared/appraisal/appraisalSchemas.js';
import type { AccessChange, SocketOwner } from '../../shared/cluster/clusterEvents.js';
import type { MeetingStatus } from '../../shared/meetings/meetingSchemas.js';
import type { CurrentSpeech, MeetingState } from '../../shared/moderation/meetingState.js';
import type {
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import type { Meeting } from '../meetings/Meetings.js';

/** The names of the domain events; search for one to find who emits it and who reacts. */
export const DomainEvent = {
  /** A meeting was created (MeetingService); its agenda is filled in (rectification carry-over). */
  meetingCreated: 'meetingCreated',
  /** A meeting's status changed (MeetingService); moderation ends a running speech on close. */
  meetingStatusChanged: 'meetingStatusChanged',
  /** A meeting's people or their roles changed (MeetingService); moderation's roster follows. */
  rosterChanged: 'rosterChanged',
  /** Someone's role in a branch changed or they left it (branch routes); meetings follow. */
  branchMemberChanged: 'branchMemberChanged',
  /** Rights on some meetings' documents changed: their sync connections, on every instance, close. */
  documentAccessChanged: 'documentAccessChanged',
  /** Sessions ended (sign-out, password change, disabled user): their sockets, everywhere, close. */
  sessionsEnded: 'sessionsEnded',
  /** A meeting's moderation state was stored (ModerationService). */
  meetingStateChanged: 'meetingStateChanged',
  /** A speech started (ModerationService); its headings go into the minutes. */
  speechStarted: 'speechStarted',
  /** A client's moderation command was answered, `ok` or the error code (for /metrics). */
  commandHandled: 'commandHandled',
  /** A meeting's appraisal round changed, as anyone in it may see it. */
  appraisalChanged: 'appraisalChanged',
  /** A rectification item now reads differently, as anyone in its meeting may see it. */
  rectificationChanged: 'rectificationChanged',
  /** A rectification proposal came or was decided. */
  rectificationProposalChanged: 'rectificationProposalChanged',
} as const satisfies { [K in DomainEventName]: K };

export type DomainEventName = keyof DomainEventMap;

export interface DomainEventMap {
  meetingCreated: { meeting: Meeting };
  meetingStatusChanged: { meetingId: number; status: MeetingStatus };
  rosterChanged: { meetingId: number };
  branchMemberChanged: { branchId: number; userId: number };
  documentAccessChanged: AccessChange;
  sessionsEnded: SocketOwner;
  /** `rosterChanged`: the roster is new, so some watchers may no longer be in the meeting. */
  meetingStateChanged: { meetingId: number; state: MeetingState; rosterChanged: boolean };
  speechStarted: { meeting: Meeting; speech: CurrentSpeech };
  commandHandled: { result: string };
  appraisalChanged: AppraisalView;
  rectificationChanged: RectificationView;
  rectificationProposalChanged: RectificationProposalView;
}
