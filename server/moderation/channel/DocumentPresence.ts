import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { parseMeetingDocumentName } from '../../../shared/meetings/meetingDocuments.js';
import {
  MeetingEvent,
  socketRoomOfMeeting,
  type MeetingClientToServer,
  type MeetingServerToClient,
  type PresenceMessage,
  type ViewingAck,
  type ViewingRequest,
} from '../../../shared/moderation/meetingEvents.js';

type MeetingNamespace = Namespace<MeetingClientToServer, MeetingServerToClient>;
type MeetingSocket = Socket<MeetingClientToServer, MeetingServerToClient>;

/** What one page shows, kept in `socket.data` so that other instances can read it too. */
interface Viewing {
  meetingId: number;
  document: string;
}

/**
 * Who has which of a meeting's documents open, for the document list: each page says what it
 * shows over the meeting channel, and the list is read from the sockets in the meeting's room
 * (on every instance, through the adapter), so it needs no state of its own and a page that
 * goes away leaves it by itself.
 */
export class DocumentPresence {
  constructor(
    private readonly nsp: MeetingNamespace,
    private readonly logger: Logger,
  ) {}

  /** Records what the socket's page shows; only a document of a meeting it watches. */
  async view(socket: MeetingSocket, request: ViewingRequest): Promise<ViewingAck> {
    const { meetingId, document } = request;
    if (!socket.rooms.has(socketRoomOfMeeting(meetingId))) {
      throw new DomainError('not_found.join_first');
    }
    if (document !== null) {
      const parsed = parseMeetingDocumentName(document);
      if (parsed?.meetingId !== meetingId) {
        throw new DomainError('invalid_command.foreign_document');
      }
    }
    const before = socket.data.viewing as Viewing | undefined;
    socket.data.viewing = document === null ? undefined : { meetingId, document };
    if (before && before.meetingId !== meetingId) this.publish(before.meetingId);
    this.publish(meetingId);
    return { ok: true };
  }

  /** After a socket stopped watching (left, or disconnected): the others hear it is gone. */
  left(socket: MeetingSocket, meetingId: number): void {
    const viewing = socket.data.viewing as Viewing | undefined;
    if (viewing?.meetingId === meetingId) socket.data.viewing = undefined;
    this.publish(meetingId);
  }

  /** The presence as it is now, to one socket that has just joined. */
  sendTo(socket: MeetingSocket, meetingId: number): void {
    this.read(meetingId)
      .then((message) => socket.emit(MeetingEvent.presence, message))
      .catch((err: unknown) => this.logger.warn({ err, meetingId }, 'reading presence failed'));
  }

  /** The presence as it is now, to everyone watching the meeting. */
  publish(meetingId: number): void {
    this.read(meetingId)
      .then((message) =>
        this.nsp.to(socketRoomOfMeeting(meetingId)).emit(MeetingEvent.presence, message),
      )
      .catch((err: unknown) => this.logger.warn({ err, meetingId }, 'reading presence failed'));
  }

  private async read(meetingId: number): Promise<PresenceMessage> {
    const sockets = await this.nsp.in(socketRoomOfMeeting(meetingId)).fetchSockets();
    const byDocument = new Map<string, Set<number>>();
    for (const socket of sockets) {
      const viewing = socket.data.viewing as Viewing | undefined;
      if (viewing?.meetingId !== meetingId) continue;
      // Private notes are the owner's alone: not even that they are open is shown.
      if (parseMeetingDocumentName(viewing.document)?.kind === 'notes') continue;
      const users = byDocument.get(viewing.document) ?? new Set<number>();
      users.add(socket.data.userId as number);
      byDocument.set(viewing.document, users);
    }
    const documents: Record<string, number[]> = {};
    for (const [name, users] of byDocument) documents[name] = [...users].sort((a, b) => a - b);
    return { meetingId, documents };
  }
}
