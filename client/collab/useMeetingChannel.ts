import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import { MEETING_NAMESPACE } from '../../shared/moderation/meetingEvents.js';
import { reportSessionLost } from '../api/sessionLost.js';
import {
  MeetingConnection,
  initialConnectionStatus,
  type CommandInput,
  type MeetingConnectionStatus,
  type MeetingSocket,
  type SendOptions,
  type SendResult,
} from './MeetingConnection.js';
import { MeetingListeners } from './MeetingListeners.js';

/**
 * The page's watch on a meeting: where the channel stands, the typed `on(event, listener)`
 * through which features hear the meeting's events, and `send` for commands. `on` is the same
 * function for the page's whole life and its subscriptions hold across sockets; events sent
 * while disconnected are not replayed, so features load again when `phase` is back to
 * `connected`.
 */
export interface MeetingChannel extends MeetingConnectionStatus {
  on: MeetingListeners['on'];
  send(command: CommandInput, options?: SendOptions): Promise<SendResult>;
}

const notConnected: SendResult = { ok: false, error: null };
const noChanges = () => () => undefined;

/**
 * Watches one meeting on the `/meeting` namespace while `meetingId` is set (null: a meeting
 * not held now, no socket opens). The socket authenticates with the session cookie and closes
 * on unmount. With `viewing`, the page tells the others which document it shows.
 */
export function useMeetingChannel(
  meetingId: number | null,
  viewing: string | null = null,
): MeetingChannel {
  const [listeners] = useState(() => new MeetingListeners());
  const [connection, setConnection] = useState<MeetingConnection | null>(null);
  const viewingRef = useRef(viewing);

  useEffect(() => {
    if (meetingId === null) return;
    // WebSocket only (documents need it anyway): long-polling would need sticky sessions at a
    // load balancer in front of several instances.
    const socket: MeetingSocket = io(MEETING_NAMESPACE, {
      forceNew: true,
      transports: ['websocket'],
    });
    const opened = new MeetingConnection(
      meetingId,
      socket,
      listeners,
      viewingRef.current,
      reportSessionLost,
    );
    setConnection(opened);
    return () => opened.close();
  }, [meetingId, listeners]);

  useEffect(() => {
    viewingRef.current = viewing;
    connection?.view(viewing);
  }, [connection, viewing]);

  const status = useSyncExternalStore(
    connection?.subscribe ?? noChanges,
    connection?.getStatus ?? (() => initialConnectionStatus),
  );
  const send = useCallback(
    (command: CommandInput, options?: SendOptions) =>
      connection ? connection.send(command, options) : Promise.resolve(notConnected),
    [connection],
  );
  return { ...status, on: listeners.on, send };
}
