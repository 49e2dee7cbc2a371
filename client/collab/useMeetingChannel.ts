import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AppraisalView } from '../../shared/appraisal/appraisalSchemas.js';
import type { MeetingStatus } from '../../shared/meetings/meetingSchemas.js';
import {
  MEETING_NAMESPACE,
  MeetingEvent,
  type CommandRequest,
  type JoinAck,
  type MeetingClientToServer,
  type MeetingServerToClient,
  type PresenceMessage,
} from '../../shared/moderation/meetingEvents.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type { ErrorBody } from '../../shared/errors/errorBody.js';
import type {
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import { SocketErrorCode } from '../../shared/moderation/socketErrors.js';
import { reportSessionLost } from '../api/sessionLost.js';
import type { ConnectionPhase } from './useConnectionState.js';

type MeetingSocket = Socket<MeetingServerToClient, MeetingClientToServer>;

/** Hears the meeting's appraisal round as the server announces it (no per-caller fields). */
export type AppraisalListener = (appraisal: AppraisalView) => void;

/** Hears each rectification item created or changed in the meeting (its whole view). */
export type RectificationListener = (item: RectificationView) => void;

/** Hears each rectification proposal made, accepted or dropped. */
export type ProposalListener = (proposal: RectificationProposalView) => void;

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

export interface MeetingChannel {
  /** The latest state the server sent; null until joined. */
  state: MeetingState | null;
  /** serverTime − Date.now() when the latest state arrived: Date.now() + offset is server time. */
  clockOffset: number;
  phase: ConnectionPhase;
  /** Why the server would not let us watch (not in the meeting, or no such meeting). */
  refused: ErrorBody | null;
  /** Who has which document open (user ids by document name); empty until the server says. */
  presence: PresenceMessage['documents'];
  send(command: CommandInput, options?: SendOptions): Promise<SendResult>;
  /**
   * Calls `listener` with each change of the meeting's appraisal round that the server
   * announces while joined; returns the unsubscribe function. Changes made while disconnected
   * are not replayed: listeners load the round again when `phase` is back to `connected`.
   */
  subscribeAppraisal(listener: AppraisalListener): () => void;
  /** The same for rectification items (not replayed either: reload on reconnect). */
  subscribeRectifications(listener: RectificationListener): () => void;
  /** The same for rectification proposals. */
  subscribeProposals(listener: ProposalListener): () => void;
}

// Long enough for a slow intranet; a command that takes longer is reported as unanswered.
const ackTimeoutMs = 10_000;

const noPresence: PresenceMessage['documents'] = {};

/**
 * Watches one meeting on the `/meeting` namespace: joins on every connect (socket.io
 * reconnects by itself), keeps the newest state by version and the clock offset, and sends
 * commands. The socket authenticates with the session cookie and closes on unmount. With
 * `viewing`, the page tells the others which document it shows; with a null `meetingId`
 * (a meeting not held now) no socket opens.
 */
export function useMeetingChannel(
  meetingId: number | null,
  onStatus?: (status: MeetingStatus) => void,
  viewing: string | null = null,
): MeetingChannel {
  const [snapshot, setSnapshot] = useState<{ state: MeetingState | null; clockOffset: number }>({
    state: null,
    clockOffset: 0,
  });
  const [phase, setPhase] = useState<ConnectionPhase>('connecting');
  const [refused, setRefused] = useState<ErrorBody | null>(null);
  const [presence, setPresence] = useState<PresenceMessage['documents']>(noPresence);
  const viewingRef = useRef(viewing);
  const socketRef = useRef<MeetingSocket | null>(null);
  // Read by send() and by the handlers, which must not wait for a render.
  const latest = useRef<MeetingState | null>(null);
  const onStatusRef = useRef(onStatus);
  // Who hears the appraisal event; they come and go without a new socket.
  const appraisalListeners = useRef<Set<AppraisalListener>>(new Set());
  const rectificationListeners = useRef<Set<RectificationListener>>(new Set());
  const proposalListeners = useRef<Set<ProposalListener>>(new Set());
  useLayoutEffect(() => {
    onStatusRef.current = onStatus;
  });

  useEffect(() => {
    if (meetingId === null) return;
    // WebSocket only (documents need it anyway): long-polling would need sticky sessions at a
    // load balancer in front of several instances.
    const socket: MeetingSocket = io(MEETING_NAMESPACE, {
      forceNew: true,
      transports: ['websocket'],
    });
    socketRef.current = socket;
    latest.current = null;
    setSnapshot({ state: null, clockOffset: 0 });
    setPhase('connecting');
    setRefused(null);
    setPresence(noPresence);

    const accept = (state: MeetingState, serverTime: number) => {
      // A state overtaken on the way (a join answer after a newer broadcast) is dropped.
      if (latest.current && state.version < latest.current.version) return;
      latest.current = state;
      setSnapshot({ state, clockOffset: serverTime - Date.now() });
    };

    socket.on('connect', () => {
      socket.emit(MeetingEvent.join, { meetingId }, (ack: JoinAck) => {
        if (ack.ok) {
          accept(ack.state, ack.serverTime);
          setPhase('connected');
          // Presence is the socket's: a reconnected page says again what it shows.
          if (viewingRef.current !== null) {
            socket.emit(MeetingEvent.viewing, { meetingId, document: viewingRef.current }, noop);
          }
        } else {
          setRefused(ack.error);
          setPhase('disconnected');
          socket.disconnect();
        }
      });
    });
    socket.on(MeetingEvent.state, (message) => {
      if (message.meetingId === meetingId) accept(message.state, message.serverTime);
    });
    socket.on(MeetingEvent.status, (message) => {
      if (message.meetingId === meetingId) onStatusRef.current?.(message.status);
    });
    socket.on(MeetingEvent.presence, (message) => {
      if (message.meetingId === meetingId) setPresence(message.documents);
    });
    socket.on(MeetingEvent.appraisal, (message) => {
      if (message.meetingId !== meetingId) return;
      for (const listener of appraisalListeners.current) listener(message.appraisal);
    });
    socket.on(MeetingEvent.rectification, (message) => {
      if (message.meetingId !== meetingId) return;
      for (const listener of rectificationListeners.current) listener(message.rectification);
    });
    socket.on(MeetingEvent.rectificationProposal, (message) => {
      if (message.meetingId !== meetingId) return;
      for (const listener of proposalListeners.current) listener(message.proposal);
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      // The server ends sockets when their session ends (sign-out, an admin's action).
      if (reason === 'io server disconnect') {
        setPhase('disconnected');
        reportSessionLost();
      } else {
        setPhase('reconnecting');
      }
    });
    socket.on('connect_error', (error) => {
      // A refusal by the server's middleware is final; a network failure is retried.
      if (socket.active) {
        setPhase((current) => (current === 'connecting' ? current : 'reconnecting'));
        return;
      }
      setPhase('disconnected');
      if (error.message === SocketErrorCode.unauthenticated) reportSessionLost();
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [meetingId]);

  useEffect(() => {
    if (viewingRef.current === viewing) return;
    viewingRef.current = viewing;
    const socket = socketRef.current;
    if (meetingId !== null && socket?.connected) {
      socket.emit(MeetingEvent.viewing, { meetingId, document: viewing }, noop);
    }
  }, [meetingId, viewing]);

  const send = useCallback(
    async (command: CommandInput, { withVersion = false }: SendOptions = {}) => {
      const socket = socketRef.current;
      // Not queued while offline: a command applied minutes later would surprise everyone.
      if (meetingId === null || !socket?.connected) return { ok: false as const, error: null };
      const version = latest.current?.version;
      try {
        return await socket.timeout(ackTimeoutMs).emitWithAck(MeetingEvent.command, {
          meetingId,
          command,
          ...(withVersion && version !== undefined ? { version } : {}),
        });
      } catch {
        return { ok: false as const, error: null };
      }
    },
    [meetingId],
  );

  const subscribeAppraisal = useCallback((listener: AppraisalListener) => {
    const listeners = appraisalListeners.current;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  const subscribeRectifications = useCallback(
    (listener: RectificationListener) => subscribe(rectificationListeners.current, listener),
    [],
  );
  const subscribeProposals = useCallback(
    (listener: ProposalListener) => subscribe(proposalListeners.current, listener),
    [],
  );

  return {
    ...snapshot,
    phase,
    refused,
    presence,
    send,
    subscribeAppraisal,
    subscribeRectifications,
    subscribeProposals,
  };
}

/** Adds `listener` to `listeners`; returns the function that takes it out again. */
function subscribe<T>(listeners: Set<T>, listener: T): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The acknowledgement nobody waits for: presence is advisory. */
function noop(): void {}
