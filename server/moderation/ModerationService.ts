import type { Logger } from 'pino';
import { commandAction } from '../../shared/rights/meetingAbilities.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { Decision, Refusal } from '../../shared/rights/rightsTypes.js';
import { refusalOnSocket } from './refusalOnSocket.js';
import type { MeetingState, RosterEntry } from '../../shared/moderation/meetingState.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { ModerationCommand } from '../../shared/moderation/moderationSchemas.js';
import { initialMeetingState } from '../../shared/moderation/procedures.js';
import { reduceMeeting, type AppliedCommand } from '../../shared/moderation/reduceMeeting.js';
import type { AccessUser } from '../meetings/MeetingAccess.js';
import { MeetingQueue } from '../meetings/MeetingQueue.js';
import type { Meeting, Meetings } from '../meetings/Meetings.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import type { MeetingEventLog } from './MeetingEventLog.js';

export interface ModerationDeps {
  meetings: Meetings;
  /** The rule book, asked inside the meeting's queue so the status it sees is current. */
  access: { decideFor(meeting: Meeting, user: AccessUser, action: Action): Promise<Decision> };
  log: MeetingEventLog;
  logger: Logger;
  now?: () => number;
  /**
   * Told `meetingStateChanged` after every stored command, `speechStarted` as a speech starts
   * and `commandHandled` with every client command's outcome.
   */
  events: DomainEvents;
}

/** A command's outcome: the new version, or the refusal (the channel makes it an ack). */
export type CommandOutcome = { ok: true; version: number } | { ok: false; error: DomainError };

/** Another instance stored the version this one was about to store. */
class VersionTaken extends Error {}

// Tries of a command whose version another instance took meanwhile, each after catching up.
const ATTEMPTS = 3;

/**
 * The server's authority over each meeting's moderation state. Commands of one meeting run one
 * at a time; each is checked, stored in the event log, applied and published, in that order, so
 * that everyone sees the same versions in the same order and a restart replays to the same state.
 * With several instances the log is the authority: each catches up on it before deciding, and
 * its primary key lets only one instance store each version.
 */
export class ModerationService {
  /** States of meetings someone watches; rebuilt from the log when needed. */
  private readonly states = new Map<number, MeetingState>();
  private readonly queue = new MeetingQueue();
  private readonly now: () => number;

  constructor(private readonly deps: ModerationDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The meeting's state if the rule book lets the user `action` it; else why not. */
  async stateFor(
    meetingId: number,
    user: AccessUser,
    action: Action,
  ): Promise<{ ok: true; state: MeetingState } | { ok: false; refusal: Refusal }> {
    try {
      return await this.serially(meetingId, async () => {
        const { meeting, state } = await this.load(meetingId);
        const decision = await this.deps.access.decideFor(meeting, user, action);
        return decision.ok ? { ok: true as const, state } : decision;
      });
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, refusal: 'unseen' };
      throw err;
    }
  }

  async command(
    meetingId: number,
    user: AccessUser,
    command: ModerationCommand,
    version: number | undefined,
  ): Promise<CommandOutcome> {
    const outcome = await this.tryCommand(meetingId, user, command, version);
    void this.deps.events.emit(DomainEvent.commandHandled, {
      result: outcome.ok ? 'ok' : outcome.error.code,
    });
    return outcome;
  }

  private async tryCommand(
    meetingId: number,
    user: AccessUser,
    command: ModerationCommand,
    version: number | undefined,
  ): Promise<CommandOutcome> {
    try {
      return await this.serially(meetingId, async () => {
        const { meeting, state } = await this.load(meetingId);
        const decision = await this.deps.access.decideFor(
          meeting,
          user,
          commandAction(command.type),
        );
        if (!decision.ok) throw refusalOnSocket(decision.refusal);
        if (version !== undefined && version !== state.version) {
          throw new DomainError('conflict');
        }
        const next = await this.apply(meeting, state, command, user.id);
        return { ok: true as const, version: next.version };
      });
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err };
      this.deps.logger.error({ err, meetingId }, 'moderation command failed');
      return { ok: false, error: new DomainError('unavailable') };
    }
  }

  /**
   * The meeting's people changed: the state's roster follows. Another instance may be the one
   * holding the state, so the change goes into the log whether or not this one holds it.
   */
  async rosterChanged(meetingId: number): Promise<void> {
    await this.serially(meetingId, async () => {
      const held = this.states.has(meetingId);
      await this.load(meetingId, true);
      if (!held) this.states.delete(meetingId);
    });
  }

  /**
   * After a fan-out outage: every state held catches up with the log and goes out again, since
   * the broadcasts of other instances meanwhile were lost.
   */
  async catchUp(): Promise<void> {
    await Promise.all(
      [...this.states.keys()].map((meetingId) =>
        this.serially(meetingId, async () => {
          const { state } = await this.load(meetingId);
          await this.deps.events.emit(DomainEvent.meetingStateChanged, {
            meetingId,
            state,
            rosterChanged: false,
          });
        }).catch((err: unknown) =>
          this.deps.logger.warn({ err, meetingId }, 'catching up a meeting failed'),
        ),
      ),
    );
  }

  /**
   * The meeting closed: a speech still running ends now, so that the log is complete and no
   * clock runs on in a meeting that is over.
   */
  async meetingClosed(meetingId: number): Promise<void> {
    await this.serially(meetingId, async () => {
      const { meeting, state } = await this.load(meetingId);
      if (state.current) await this.apply(meeting, state, { type: 'endSpeech' }, null);
    });
  }

  /** Nobody watches the meeting any more: its state is rebuilt from the log when needed. */
  release(meetingId: number): void {
    void this.serially(meetingId, async () => {
      this.states.delete(meetingId);
    });
  }

  /**
   * Runs `work` after everything queued for the meeting before it; again, after catching up,
   * if another instance stored a version first.
   */
  private serially<T>(meetingId: number, work: () => Promise<T>): Promise<T> {
    const attempt = async (): Promise<T> => {
      for (let tries = 1; ; tries++) {
        try {
          return await work();
        } catch (err) {
          if (!(err instanceof VersionTaken)) throw err;
          if (tries >= ATTEMPTS) {
            throw new DomainError('conflict');
          }
        }
      }
    };
    return this.queue.run(meetingId, attempt);
  }

  /**
   * The meeting and its state: the one held, brought up to date with the log (other instances
   * write to it too), else replayed from the start; its roster refreshed when first loaded.
   */
  private async load(
    meetingId: number,
    refreshRoster = false,
  ): Promise<{ meeting: Meeting; state: MeetingState }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found.meeting');
    const held = this.states.get(meetingId);
    let state = await this.replay(meeting, held ?? initialMeetingState(meeting.kind));
    if (!held || refreshRoster) {
      const roster = await this.roster(meeting);
      if (JSON.stringify(roster) !== JSON.stringify(state.roster)) {
        state = await this.apply(meeting, state, { type: 'setRoster', roster }, null);
      }
    }
    return { meeting, state };
  }

  /** `state` with the log's later events applied. */
  private async replay(meeting: Meeting, from: MeetingState): Promise<MeetingState> {
    const meetingId = meeting.id;
    let state = from;
    for (const event of await this.deps.log.load(meetingId, from.version)) {
      const result = reduceMeeting(state, event.command, {
        by: event.actorId ?? 0,
        at: event.at,
      });
      // A stored command always applied once; if it no longer does, the code changed under it.
      if (result.ok) state = result.state;
      else
        this.deps.logger.warn(
          { meetingId, version: event.version, error: result.error },
          'event did not replay',
        );
    }
    this.states.set(meetingId, state);
    return state;
  }

  private async roster(meeting: Meeting): Promise<RosterEntry[]> {
    const people = await this.deps.meetings.participants(meeting);
    return people.map((p) => ({
      userId: p.userId,
      roles: p.roles,
      isSecretary: p.branchRole === 'secretary',
    }));
  }

  /** Reduces, stores, then holds and tells; nothing is seen that is not stored. */
  private async apply(
    meeting: Meeting,
    state: MeetingState,
    command: AppliedCommand,
    by: number | null,
  ): Promise<MeetingState> {
    const at = this.now();
    const result = reduceMeeting(state, command, { by: by ?? 0, at });
    if (!result.ok) throw result.error;
    const next = result.state;
    const stored = await this.deps.log.append(meeting.id, {
      version: next.version,
      command,
      actorId: by,
      at,
    });
    // Another instance took this version: `serially` catches up and decides again.
    if (!stored) throw new VersionTaken();
    this.states.set(meeting.id, next);
    await this.deps.events.emit(DomainEvent.meetingStateChanged, {
      meetingId: meeting.id,
      state: next,
      rosterChanged: command.type === 'setRoster',
    });
    // Not waited for: the command is answered while the headings are being written.
    if (next.current && next.current.id !== state.current?.id) {
      void this.deps.events.emit(DomainEvent.speechStarted, { meeting, speech: next.current });
    }
    return next;
  }
}
