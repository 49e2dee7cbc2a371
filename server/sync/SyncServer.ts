import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { DomainError } from '../../shared/errors/DomainError.js';
import { CloseCode, type CloseCodeValue } from '../../shared/sync/closeCodes.js';
import { documentNameSchema } from '../../shared/sync/documentName.js';
import type { SyncLimitValues } from '../../shared/sync/syncLimits.js';
import type { DocumentPeers } from '../fanout/Fanout.js';
import { LocalFanout } from '../fanout/LocalFanout.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import { isStorageUnavailable } from '../storage/storageErrors.js';
import { RoomRegistry } from './RoomRegistry.js';
import { SyncConnection } from './SyncConnection.js';
import type { SyncHooks, SyncPrincipal } from './SyncHooks.js';
import { noSyncMetrics, type SyncMetrics } from './SyncMetrics.js';
import { closeCodeOf, closeReasonOf } from './closeCodeOf.js';

export interface SyncServerOptions {
  store: DocumentStore;
  /** The other instances; absent, this instance is alone. */
  peers?: DocumentPeers;
  hooks?: SyncHooks;
  metrics?: SyncMetrics;
  limits: SyncLimitValues;
  logger: Logger;
}

export interface SyncStats {
  connections: number;
  documents: number;
}

/** The Yjs sync channel: y-websocket protocol on upgrades to `/yjs/<documentName>`. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly registry: RoomRegistry;
  private readonly hooks: SyncHooks;
  private readonly connections = new Set<SyncConnection>();
  private readonly keepAlive: NodeJS.Timeout;
  private closing = false;

  constructor(private readonly options: SyncServerOptions) {
    this.hooks = options.hooks ?? {};
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.limits.maxMessageBytes,
      perMessageDeflate: false,
      // wss.clients holds every socket until it is really closed, for the shutdown below.
      clientTracking: true,
    });
    this.registry = new RoomRegistry({
      ...options,
      peers: options.peers ?? new LocalFanout(),
      hooks: this.hooks,
      metrics: options.metrics ?? noSyncMetrics,
    });
    // Each connection is pinged once per interval at its own moment: pinging thousands of
    // sockets in one go held up every document's updates for tens of milliseconds.
    this.keepAlive = setInterval(
      () => this.pingDue(),
      Math.max(10, Math.min(1000, options.limits.pingIntervalMs / 10)),
    );
    this.keepAlive.unref();
  }

  stats(): SyncStats {
    return { connections: this.connections.size, documents: this.registry.size };
  }

  /**
   * Closes every connection that matches (a session ended, rights changed). Connections still
   * being admitted are matched once their principal is known, since their admission may have
   * read the session or the rights that just changed.
   */
  closeWhere(
    match: (principal: SyncPrincipal, documentName: string) => boolean,
    code: CloseCodeValue,
    reason: string,
  ): number {
    let closed = 0;
    for (const conn of this.connections) {
      if (conn.pendingCloses) {
        conn.pendingCloses.push({ match, code, reason });
      } else if (match(conn.principal, conn.documentName)) {
        conn.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /** Makes a change of the server's own to a document (see `RoomRegistry.edit`). */
  edit(documentName: string, change: (doc: Y.Doc) => boolean | void): Promise<void> {
    return this.registry.edit(documentName, change);
  }

  /** Every loaded document reads storage again for what other instances stored unheard. */
  catchUp(): Promise<void> {
    return this.registry.catchUp();
  }

  /** Takes over an HTTP upgrade; `encodedName` is the URL path after `/yjs/`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, encodedName: string): void {
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req, encodedName));
  }

  /** Stops accepting, closes every connection with "going away" and waits for storage. */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    clearInterval(this.keepAlive);
    // Connections still authenticating or loading are not in a room yet.
    for (const conn of this.connections) conn.close(CloseCode.goingAway, 'server shutting down');
    await this.registry.closeAll(graceMs);
    for (const ws of this.wss.clients) ws.terminate();
    await this.options.store.flush();
  }

  private accept(ws: WebSocket, req: IncomingMessage, encodedName: string): void {
    const name = decodeName(encodedName);
    const conn = new SyncConnection(ws, name, this.options.limits, this.options.logger);
    conn.nextPingAt = Date.now() + Math.random() * this.options.limits.pingIntervalMs;
    this.connections.add(conn);
    conn.onClose(() => this.connections.delete(conn));
    if (!documentNameSchema.safeParse(name).success) {
      this.refuse(conn, new DomainError('invalid_request.document_name'));
      return;
    }
    void this.admit(conn, req);
  }

  private async admit(conn: SyncConnection, request: IncomingMessage): Promise<void> {
    const documentName = conn.documentName;
    try {
      conn.principal = (await this.hooks.authenticate?.({ documentName, request })) ?? {
        userId: null,
      };
      conn.canWrite = (await this.hooks.canWrite?.(conn.principal, documentName)) ?? true;
      const pending = conn.pendingCloses ?? [];
      conn.pendingCloses = null;
      const closing = pending.find((p) => p.match(conn.principal, documentName));
      if (closing) conn.close(closing.code, closing.reason);
      if (!conn.isOpen) return;
      const watch = this.hooks.watch?.(conn.principal, () =>
        conn.close(CloseCode.unauthenticated, 'session ended'),
      );
      if (watch) {
        conn.watch = watch;
        conn.onClose(() => watch.stop());
      }
      await this.registry.join(conn);
    } catch (err) {
      if (err instanceof DomainError) {
        this.refuse(conn, err);
      } else if (isStorageUnavailable(err)) {
        // The client keeps its edits and retries, as after a failed store.
        this.refuse(conn, new DomainError('storage_unavailable'));
      } else {
        this.options.logger.error({ err, doc: documentName }, 'sync connection failed');
        this.refuse(conn, new DomainError('internal'));
      }
    }
  }

  private refuse(conn: SyncConnection, error: DomainError): void {
    conn.close(closeCodeOf(error), closeReasonOf(error));
  }

  private pingDue(): void {
    const now = Date.now();
    for (const conn of this.connections) {
      if (conn.nextPingAt > now) continue;
      conn.nextPingAt = now + this.options.limits.pingIntervalMs;
      if (!conn.alive) {
        conn.terminate();
      } else if (conn.isOpen) {
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}
