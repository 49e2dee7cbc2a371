import type { Logger } from 'pino';
import WebSocket from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/sync/closeCodes.js';
import type { SyncLimitValues } from '../../shared/sync/syncLimits.js';
import type { ConnectionWatch, SyncPrincipal } from './SyncHooks.js';
import { isDocumentWrite } from './syncMessages.js';
import { TokenBucket } from './TokenBucket.js';

export type MessageHandler = (data: Uint8Array) => void;

export interface PendingClose {
  match: (principal: SyncPrincipal, documentName: string) => boolean;
  code: CloseCodeValue;
  reason: string;
}

/**
 * One client socket of the sync channel. Owns the socket's limits (message rate, buffered
 * bytes in and out), its keep-alive state and its inbox: messages that arrive before a handler
 * is attached (while authenticating or while the room loads) are kept and replayed in order.
 */
export class SyncConnection {
  principal: SyncPrincipal = { userId: null };
  canWrite = false;
  /**
   * Closings asked for while the connection was still being admitted (its principal unknown),
   * checked once it is known: admission may have read what those closings were about.
   */
  pendingCloses: PendingClose[] | null = [];
  /** False once a ping went unanswered; the next keep-alive round ends the socket. */
  alive = true;
  /** When the keep-alive pings this connection next (spread so that pings do not bunch). */
  nextPingAt = 0;
  /** Checks each message once admitted (the session still live); none: every message passes. */
  watch: ConnectionWatch | null = null;
  private handler: MessageHandler | null = null;
  private inbox: Uint8Array[] = [];
  private inboxBytes = 0;
  private closing = false;
  private readonly bucket: TokenBucket;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly ws: WebSocket,
    readonly documentName: string,
    private readonly limits: SyncLimitValues,
    private readonly logger: Logger,
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    // Invalid frames, oversized messages and resets arrive here; ws closes the socket itself.
    ws.on('error', (err) => this.logger.debug({ err, doc: documentName }, 'sync socket error'));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => this.finish());
  }

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === WebSocket.OPEN;
  }

  /** Runs `listener` once the connection is closed by either side (at once if it already is). */
  onClose(listener: () => void): void {
    if (this.closing) listener();
    else this.closeListeners.push(listener);
  }

  /** Starts delivering messages to `handler`, the buffered ones first. */
  attach(handler: MessageHandler): void {
    this.handler = handler;
    while (this.handler === handler && this.inbox.length > 0) {
      const data = this.inbox.shift()!;
      this.inboxBytes -= data.byteLength;
      this.pass(data);
    }
  }

  /** Sends unless the peer reads too slowly, in which case the connection is closed. */
  send(data: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.ws.bufferedAmount + data.byteLength > this.limits.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'slow consumer');
      return;
    }
    this.ws.send(data);
  }

  /**
   * Closes with `code`. The connection leaves its room at once; the socket finishes the close
   * handshake in the background (ws ends it after its own timeout if the peer never answers).
   */
  close(code: CloseCodeValue, reason: string): void {
    if (this.closing) return;
    this.logger.debug({ code, reason, doc: this.documentName }, 'closing sync connection');
    this.finish();
    this.ws.close(code, reason);
  }

  /** Ends the socket without a close handshake (dead peers, shutdown grace expired). */
  terminate(): void {
    this.finish();
    this.ws.terminate();
  }

  private finish(): void {
    if (this.closing) return;
    this.closing = true;
    this.handler = null;
    this.inbox = [];
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closing) return;
    if (!this.bucket.take()) return this.close(CloseCode.rateLimited, 'too many messages');
    if (!isBinary) return this.close(CloseCode.malformedMessage, 'text frames are not accepted');
    if (this.handler) return this.pass(data);
    this.inboxBytes += data.byteLength;
    if (this.inboxBytes > this.limits.maxBufferedBytes) {
      return this.close(CloseCode.rateLimited, 'too much data before the document was ready');
    }
    this.inbox.push(data);
  }

  /**
   * Delivers `data` if the watch lets it through. While the watch asks (the session's store),
   * the handler is set aside: this and later messages wait in the inbox, in order.
   */
  private pass(data: Uint8Array): void {
    const verdict = this.watch?.admit(isDocumentWrite(data)) ?? true;
    if (verdict === true) return this.deliver(data);
    if (verdict === false) return this.close(CloseCode.unauthenticated, 'session ended');
    const handler = this.handler!;
    this.handler = null;
    this.inbox.unshift(data);
    this.inboxBytes += data.byteLength;
    verdict.then(
      (live) => {
        if (this.closing) return;
        if (live) this.attach(handler);
        else this.close(CloseCode.unauthenticated, 'session ended');
      },
      (err: unknown) => {
        this.logger.warn({ err, doc: this.documentName }, 'could not check the session');
        this.close(CloseCode.storageUnavailable, 'storage unavailable');
      },
    );
  }

  private deliver(data: Uint8Array): void {
    try {
      this.handler?.(data);
    } catch (err) {
      this.logger.debug({ err, doc: this.documentName }, 'malformed sync message');
      this.close(CloseCode.malformedMessage, 'malformed message');
    }
  }
}
