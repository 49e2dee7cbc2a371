import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * socket.io on the shared port. `destroyUpgrade: false` keeps engine.io from killing the
 * `/yjs/` upgrades it does not own. The `/meeting` namespace is added by the moderation module.
 */
export function attachSocketIo(httpServer: HttpServer): Server {
  return new Server(httpServer, {
    path: '/socket.io',
    destroyUpgrade: false,
    serveClient: false,
  });
}
