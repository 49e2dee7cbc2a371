import type { Request } from 'express';

/** The peer address (no proxy is trusted until deployment says otherwise). */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}
