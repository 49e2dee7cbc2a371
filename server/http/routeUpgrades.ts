import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { SYNC_PATH_PREFIX } from '../../shared/sync/documentName.js';
import { sessionToken } from '../auth/sessionToken.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { isTrustedOrigin } from './originPolicy.js';

const SOCKET_IO_PREFIX = '/socket.io/';

/**
 * WebSocket upgrades: `/yjs/` to the sync server, `/socket.io/` left to engine.io, anything
 * else answered 404. A sync upgrade that rides on the session cookie from a page of another
 * origin is answered 403 before the handshake: it would read and write documents as the user.
 */
export function routeUpgrades(
  server: http.Server,
  deps: { sync: SyncServer; allowedOrigins: readonly string[]; logger: Logger },
): void {
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => deps.logger.debug({ err }, 'upgrade socket error'));
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname.startsWith(SYNC_PATH_PREFIX)) {
      const viaCookie = sessionToken(req, true)?.source === 'cookie';
      if (viaCookie && !isTrustedOrigin(req, deps.allowedOrigins)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      deps.sync.handleUpgrade(req, socket, head, pathname.slice(SYNC_PATH_PREFIX.length));
    } else if (!pathname.startsWith(SOCKET_IO_PREFIX)) {
      // engine.io answers its own path; everything else is refused.
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
}
