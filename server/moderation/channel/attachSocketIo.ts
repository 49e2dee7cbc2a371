import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { SessionStore } from '../../auth/SessionStore.js';
import type { SessionWatch } from '../../auth/SessionWatch.js';
import type { SocketIoAdapter } from '../../fanout/Fanout.js';
import { isTrustedOrigin } from '../../http/originPolicy.js';
import { socketSessionAuth } from './socketSessionAuth.js';

export interface SocketIoOptions {
  sessions: SessionStore;
  /** Holds every socket to its session. */
  watch: SessionWatch;
  adapter: SocketIoAdapter | null;
  /** Origins besides the app's own whose pages may connect with the session cookie. */
  allowedOrigins: readonly string[];
}

/**
 * socket.io on the shared port. `destroyUpgrade: false` keeps engine.io from killing the
 * `/yjs/` upgrades it does not own. Every namespace must use `socketSessionAuth`: the main one
 * does here, and the `/meeting` namespace (meetingNamespace.ts) does too.
 */
export function attachSocketIo(httpServer: HttpServer, options: SocketIoOptions): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    destroyUpgrade: false,
    serveClient: false,
    // The handshake is the only request that can carry a foreign page's cookie into a socket.
    // `auth.token` comes later, inside the connection: a client using it sends no Origin and
    // no cookie, which passes. Our own pages connect by WebSocket, which always has an Origin.
    allowRequest: (req, callback) => {
      const viaBearer = req.headers.authorization?.startsWith('Bearer ') ?? false;
      callback(null, viaBearer || isTrustedOrigin(req, options.allowedOrigins));
    },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  io.use(socketSessionAuth(options.sessions, options.watch));
  return io;
}
