import net from 'node:net';

/**
 * A WebSocket handshake over a plain TCP socket, so a test can write frames no WebSocket
 * library would produce. Resolves with the socket once the server answered 101.
 */
export async function rawUpgrade(url: string): Promise<net.Socket> {
  const { hostname, port, pathname, search } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  socket.write(
    `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
      'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
      'Sec-WebSocket-Version: 13\r\n\r\n',
  );
  const head = await new Promise<string>((resolve) =>
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))),
  );
  if (!head.startsWith('HTTP/1.1 101'))
    throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
  return socket;
}

/** Resolves when the server ends the TCP connection. */
export function socketClosed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}
