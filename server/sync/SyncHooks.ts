import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';

/** Who is on the other end of a sync connection, as the authenticate hook decided. */
export interface SyncPrincipal {
  /** The user's id, or null for an anonymous connection. */
  userId: string | null;
  /** The name others see on this connection's caret and in their list of who is present. */
  displayName?: string;
  /** Anything the hooks want to remember about the connection. */
  context?: unknown;
}

export interface ConnectRequest {
  documentName: string;
  request: IncomingMessage;
}

/** An open connection's right to go on (its session's), checked as messages come. */
export interface ConnectionWatch {
  /**
   * Before each message: true to take it, false if the right is gone (the connection closes),
   * or a promise of either while that is being found out. `use`: the message is a document
   * write or a command, which counts as using the session. Rejects if that cannot be found out.
   */
  admit(use: boolean): boolean | Promise<boolean>;
  /** The connection closed. */
  stop(): void;
}

/**
 * Extension points of the sync server. Every method is optional; a method may throw a
 * `DomainError` to close the connection with its close code (closeCodeOf).
 */
export interface SyncHooks {
  /** Identifies the connection before it joins a room. Default: anonymous. */
  authenticate?(req: ConnectRequest): Promise<SyncPrincipal> | SyncPrincipal;
  /** Whether the connection's updates are applied. Default: yes. */
  canWrite?(principal: SyncPrincipal, documentName: string): Promise<boolean> | boolean;
  /**
   * Watches an admitted connection from then on; `end` closes it with
   * `CloseCode.unauthenticated` once its right to stay open is gone. Default: never ends.
   */
  watch?(principal: SyncPrincipal, end: () => void): ConnectionWatch | null;
  /** Called once a document is loaded from storage, before anyone joins it. */
  onLoad?(documentName: string, doc: Y.Doc): Promise<void> | void;
  /** Called after an update is durably stored, before it is sent to other clients. */
  onStore?(documentName: string, update: Uint8Array): void;
  /** Called when a connection that had joined a room closes. */
  onClose?(principal: SyncPrincipal, documentName: string): void;
}
