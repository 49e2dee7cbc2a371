import type { Socket } from 'socket.io-client';
import {
  MeetingEvent,
  type CommandRequest,
  type JoinAck,
  type MeetingClientToServer,
  type MeetingServerToClient,
} from '../../shared/moderation/meetingEvents.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type { ErrorBody } from '../../shared/errors/errorBody.js';
import { SocketErrorCode } from '../../shared/moderation/socketErrors.js';
import type {
  MeetingEventName,
  MeetingListener,
  MeetingListeners,
  MeetingMessage,
} from './MeetingListeners.js';
import type { ConnectionPhase } from './useConnectionState.js';

export type MeetingSocket = Socket<MeetingServerToClient, MeetingClientToServer>;

/** A command as a client sends it (defaults may be left out). */
export type CommandInput = CommandRequest['command'];

/** The server's answer; `error: null` when no answer came (not connected, or timed out). */
export type SendResult = { ok: true; version: number } | { ok: false; error: ErrorBody | null };

export interface SendOptions {
  /**
   * Send the version of the state the sender decided on, so that the server refuses the
   * command with `conflict` if someone else changed the state first (two hosts at once).
   */
  withVersion?: boolean;
}

/** Where the channel stands; replaced (never changed) whenever something in it changes. */
export interface MeetingConnectionStatus {
  /** The latest state the server sent; null until joined. */
  state: MeetingState | null;
  /** serverTime − Date.now() when the latest state arrived: Date.now() + offset is server time. */
  clockOffset: number;
  phase: ConnectionPhase;
  /** Why the server would not let us watch (not in the meeting, or no such meeting). */
  refused: ErrorBody | null;
}

export const initialConnectionStatus: MeetingConnectionStatus = {
  state: null,
  clockOffset: 0,
  phase: 'connecting',
  refused: null,
};

// Long enough for a slow intranet; a command that takes longer is reported as unanswered.
const ackTimeoutMs = 10_000;

/** Every server→client event, each once (a Record, so that a new event cannot be missed). */
const forwardedEvents: Record<MeetingEventName, true> = {
  [MeetingEvent.state]: true,
  [MeetingEvent.status]: true,
  [MeetingEvent.appraisal]: true,
  [MeetingEvent.rectification]: true,
  [MeetingEvent.rectificationProposal]: true,
  [MeetingEvent.presence]: true,
};

/**
 * One socket watching one meeting on the `/meeting` namespace: joins on every connect
 * (socket.io reconnects by itself), keeps the newest state by version and the clock offset,
 * hands the meeting's events to `listeners`, and sends commands. With a document being
 * viewed (`view`), tells the others which one, again after every join.
 */
export class MeetingConnection {
  private status: MeetingConnectionStatus = initialConnectionStatus;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly meetingId: number,
    private readonly socket: MeetingSocket,
    private readonly listeners: MeetingListeners,
    private viewing: string | null,
    /** Called when the session behind the socket has ended (sign-out, an admin's action). */
    private readonly onSessionLost: () => void,
  ) {
    socket.on('connect', () => this.join());
    for (const event of Object.keys(forwardedEvents) as MeetingEventName[]) this.forward(event);
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      // The server ends sockets when their session ends (sign-out, an admin's action).
      if (reason === 'io server disconnect') {
        this.update({ phase: 'disconnected' });
        this.onSessionLost();
      } else {
        this.update({ phase: 'reconnecting' });
      }
    });
    socket.on('connect_error', (error) => {
      // A refusal by the server's middleware is final; a network failure is retried.
      if (socket.active) {
        if (this.status.phase !== 'connecting') this.update({ phase: 'reconnecting' });
        return;
      }
      this.update({ phase: 'disconnected' });
      if (error.message === SocketErrorCode.unauthenticated) this.onSessionLost();
    });
  }

  getStatus = (): MeetingConnectionStatus => this.status;

  /** For useSyncExternalStore: hears every change of `getStatus()`; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  };

  async send(
    command: CommandInput,
    { withVersion = false }: SendOptions = {},
  ): Promise<SendResult> {
    // Not queued while offline: a command applied minutes later would surprise everyone.
    if (!this.socket.connected) return { ok: false, error: null };
    const version = this.status.state?.version;
    try {
      return await this.socket.timeout(ackTimeoutMs).emitWithAck(MeetingEvent.command, {
        meetingId: this.meetingId,
        command,
        ...(withVersion && version !== undefined ? { version } : {}),
      });
    } catch {
      return { ok: false, error: null };
    }
  }

  /** Hands the meeting's `event`s to the listeners (states only when not overtaken). */
  private forward<E extends MeetingEventName>(event: E): void {
    // socket.io cannot type a listener for a generic event name; `event` is one of its own.
    const on = this.socket.on.bind(this.socket) as (name: E, listener: MeetingListener<E>) => void;
    on(event, (message) => {
      if (message.meetingId !== this.meetingId) return;
      if (event === MeetingEvent.state) this.acceptState(message as MeetingMessage<'state'>);
      else this.listeners.emit(event, message);
    });
  }

  /** The document this page shows now (null: none); presence is the socket's, said on join. */
  view(document: string | null): void {
    if (document === this.viewing) return;
    this.viewing = document;
    if (this.socket.connected) this.sayViewing();
  }

  close(): void {
    this.socket.disconnect();
    this.changeListeners.clear();
  }

  private join(): void {
    this.socket.emit(MeetingEvent.join, { meetingId: this.meetingId }, (ack: JoinAck) => {
      if (!ack.ok) {
        this.update({ refused: ack.error, phase: 'disconnected' });
        this.socket.disconnect();
        return;
      }
      this.acceptState({ meetingId: this.meetingId, state: ack.state, serverTime: ack.serverTime });
      this.update({ phase: 'connected' });
      // A reconnected page says again what it shows.
      if (this.viewing !== null) this.sayViewing();
    });
  }

  /** Keeps `message` unless a newer state came first; listeners hear only the ones kept. */
  private acceptState(message: MeetingMessage<'state'>): void {
    const latest = this.status.state;
    // A state overtaken on the way (a join answer after a newer broadcast) is dropped.
    if (latest && message.state.version < latest.version) return;
    this.update({ state: message.state, clockOffset: message.serverTime - Date.now() });
    this.listeners.emit(MeetingEvent.state, message);
  }

  private sayViewing(): void {
    this.socket.emit(
      MeetingEvent.viewing,
      { meetingId: this.meetingId, document: this.viewing },
      noAnswer,
    );
  }

  private update(change: Partial<MeetingConnectionStatus>): void {
    const next = { ...this.status, ...change };
    const keys = Object.keys(next) as (keyof MeetingConnectionStatus)[];
    if (keys.every((key) => next[key] === this.status[key])) return;
    this.status = next;
    for (const listener of this.changeListeners) listener();
  }
}

/** The acknowledgement nobody waits for: presence is advisory. */
function noAnswer(): void {}
