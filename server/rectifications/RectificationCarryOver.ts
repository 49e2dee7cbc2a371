import type { OpeningSection } from '../../shared/editor/openingStructure.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import { initialMeetingState } from '../../shared/moderation/procedures.js';
import { reduceMeeting, type AppliedCommand } from '../../shared/moderation/reduceMeeting.js';
import type { RectificationView } from '../../shared/rectifications/rectificationViews.js';
import type { Meeting } from '../meetings/Meetings.js';
import type { MeetingEventLog } from '../moderation/MeetingEventLog.js';
import { carryOver, type CarryOver } from './carryOver.js';

export interface RectificationCarryOverDeps {
  /** A meeting's items by 序号 (RectificationService.listForMeeting). */
  itemsOf(meetingId: number): Promise<RectificationView[]>;
  /** The moderation event log, where the agenda's notes are written. */
  log: MeetingEventLog;
  /** Days (销号) are the meeting's: config.meetingTimeZone. */
  timeZone: string;
  now?: () => number;
}

// Tries of the agenda's write when another write took its version first.
const ATTEMPTS = 3;

/**
 * 上年度整改落实情况: what a meeting reports of the items of the branch's previous meeting of
 * its kind. Each part is written once, when the meeting is created (the collective material's
 * first section when that document is first written); afterwards it is text like any other.
 * Nothing is generated without a previous meeting, or when that one recorded no items.
 */
export class RectificationCarryOver {
  private readonly now: () => number;

  constructor(private readonly deps: RectificationCarryOverDeps) {
    this.now = deps.now ?? Date.now;
  }

  async of(meeting: Meeting): Promise<CarryOver | null> {
    if (meeting.previousMeetingId === null) return null;
    const items = await this.deps.itemsOf(meeting.previousMeetingId);
    if (items.length === 0) return null;
    return carryOver(items, { kind: meeting.kind, timeZone: this.deps.timeZone });
  }

  /** The section the collective material opens with, or null. */
  async openingSection(meeting: Meeting): Promise<OpeningSection | null> {
    return (await this.of(meeting))?.section ?? null;
  }

  /**
   * Gives the new meeting's 通报 phase the report as its notes, unless it has notes already. It
   * goes into the event log like any command (by the server), so every instance replays it; at
   * creation nobody watches the meeting yet, so there is no state to publish.
   */
  async meetingCreated(meeting: Meeting): Promise<void> {
    const carried = await this.of(meeting);
    if (!carried) return;
    for (let tries = 0; tries < ATTEMPTS; tries++) {
      const state = await this.replay(meeting);
      const report = state.phases.find((p) => p.kind === 'report');
      if (!report || report.notes !== undefined) return;
      const command: AppliedCommand = {
        type: 'setPhases',
        phases: state.phases.map((p) => (p.id === report.id ? { ...p, notes: carried.notes } : p)),
      };
      const at = this.now();
      const result = reduceMeeting(state, command, { by: 0, at });
      if (!result.ok) throw new Error(`carry-over notes do not apply: ${result.error.code}`);
      const event = { version: result.state.version, command, actorId: null, at };
      if (await this.deps.log.append(meeting.id, event)) return;
    }
  }

  /** The meeting's moderation state as its log has it now. */
  private async replay(meeting: Meeting): Promise<MeetingState> {
    let state = initialMeetingState(meeting.kind);
    for (const event of await this.deps.log.load(meeting.id)) {
      const result = reduceMeeting(state, event.command, { by: event.actorId ?? 0, at: event.at });
      // The moderation service skips an event that no longer applies; so does this replay.
      if (result.ok) state = result.state;
    }
    return state;
  }
}
