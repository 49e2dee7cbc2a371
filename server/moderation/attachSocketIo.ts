import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { SessionStore } from '../auth/SessionStore.js';
import type { SocketIoAdapter } from '../fanout/Fanout.js';
import { socketSessionAuth } from './socketSessionAuth.js';

/**
 * socket.io on the shared port. `destroyUpgrade: false` keeps engine.io from killing the
 * `/yjs/` upgrades it does not own. Every namespace must use `socketSessionAuth`: the main one
 * does here, and the `/meeting` namespace (meetingNamespace.ts) does too.
 */
export function attachSocketIo(
  httpServer: HttpServer,
  sessions: SessionStore,
  adapter: SocketIoAdapter | null,
): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    destroyUpgrade: false,
    serveClient: false,
    ...(adapter ? { adapter } : {}),
  });
  io.use(socketSessionAuth(sessions));
  return io;
}
