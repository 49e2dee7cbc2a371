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
} from '../../shared/moderation/meetingEvents.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type { ModerationError } from '../../shared/moderation/moderationErrors.js';
import { SocketErrorCode } from '../../shared/moderation/socketErrors.js';
import { reportSessionLost } from '../api/sessionLost.js';
import type { ConnectionPhase } from './useConnectionState.js';

type MeetingSocket = Socket<MeetingServerToClient, MeetingClientToServer>;

/** Hears the meeting's appraisal round as the server announces it (no per-caller fields). */
export type AppraisalListener = (appraisal: AppraisalView) => void;

/** A command as a client sends it (defaults may be left out). */
export type CommandInput = CommandRequest['command'];

/** The server's answer; `error: null` when no answer came (not connected, or timed out). */
export type SendResult =
  { ok: true; version: number } | { ok: false; error: ModerationError | null };

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
  refused: ModerationError | null;
  send(command: CommandInput, options?: SendOptions): Promise<SendResult>;
  /**
   * Calls `listener` with each change of the meeting's appraisal round that the server
   * announces while joined; returns the unsubscribe function. Changes made while disconnected
   * are not replayed: listeners load the round again when `phase` is back to `connected`.
   */
  subscribeAppraisal(listener: AppraisalListener): () => void;
}

// Long enough for a slow intranet; a command that takes longer is reported as unanswered.
const ackTimeoutMs = 10_000;

/**
 * Watches one meeting on the `/meeting` namespace: joins on every connect (socket.io
 * reconnects by itself), keeps the newest state by version and the clock offset, and sends
 * commands. The socket authenticates with the session cookie and closes on unmount.
 */
export function useMeetingChannel(
  meetingId: number,
  onStatus?: (status: MeetingStatus) => void,
): MeetingChannel {
  const [snapshot, setSnapshot] = useState<{ state: MeetingState | null; clockOffset: number }>({
    state: null,
    clockOffset: 0,
  });
  const [phase, setPhase] = useState<ConnectionPhase>('connecting');
  const [refused, setRefused] = useState<ModerationError | null>(null);
  const socketRef = useRef<MeetingSocket | null>(null);
  // Read by send() and by the handlers, which must not wait for a render.
  const latest = useRef<MeetingState | null>(null);
  const onStatusRef = useRef(onStatus);
  // Who hears the appraisal event; they come and go without a new socket.
  const appraisalListeners = useRef<Set<AppraisalListener>>(new Set());
  useLayoutEffect(() => {
    onStatusRef.current = onStatus;
  });

  useEffect(() => {
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
    socket.on(MeetingEvent.appraisal, (message) => {
      if (message.meetingId !== meetingId) return;
      for (const listener of appraisalListeners.current) listener(message.appraisal);
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

  const send = useCallback(
    async (command: CommandInput, { withVersion = false }: SendOptions = {}) => {
      const socket = socketRef.current;
      // Not queued while offline: a command applied minutes later would surprise everyone.
      if (!socket?.connected) return { ok: false as const, error: null };
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

  return { ...snapshot, phase, refused, send, subscribeAppraisal };
}
