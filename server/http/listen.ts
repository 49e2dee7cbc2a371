import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on host:port (port 0: any free one) and resolves with the URL to reach it by. */
export async function listen(
  server: http.Server,
  { host, port }: { host: string; port: number },
): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${address.port}`,
    port: address.port,
  };
}
