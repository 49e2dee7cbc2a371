import { io as connectSocketIo, type Socket } from 'socket.io-client';
import {
  MEETING_NAMESPACE,
  MeetingEvent,
  type CommandAck,
  type JoinAck,
  type StateMessage,
} from '../../shared/moderation/meetingEvents.js';
import type { ServerAddress } from './apiClient.js';

/** A real socket.io client on the `/meeting` namespace, recording every state it is sent. */
export interface MeetingClient {
  socket: Socket;
  states: StateMessage[];
  join(meetingId: number): Promise<JoinAck>;
  command(meetingId: number, command: unknown, version?: number): Promise<CommandAck>;
  /** Emits anything at all and resolves with the acknowledgement (for hostile input). */
  raw(event: string, payload: unknown): Promise<unknown>;
  close(): void;
}

export async function connectMeetingClient(
  server: ServerAddress,
  token: string,
): Promise<MeetingClient> {
  const socket = connectSocketIo(`${server.url}${MEETING_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    auth: { token },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  const states: StateMessage[] = [];
  socket.on(MeetingEvent.state, (message: StateMessage) => states.push(message));
  const raw = (event: string, payload: unknown): Promise<unknown> =>
    socket.timeout(10_000).emitWithAck(event, payload);
  return {
    socket,
    states,
    join: (meetingId) => raw(MeetingEvent.join, { meetingId }) as Promise<JoinAck>,
    command: (meetingId, command, version) =>
      raw(MeetingEvent.command, {
        meetingId,
        command,
        ...(version === undefined ? {} : { version }),
      }) as Promise<CommandAck>,
    raw,
    close: () => socket.close(),
  };
}
