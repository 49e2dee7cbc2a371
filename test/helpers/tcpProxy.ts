import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxyTarget {
  host: string;
  port: number;
}

/**
 * A TCP proxy a test can cut and restore, to take a backend away for a while. Given several
 * targets it is a load balancer's fail-over: each new connection goes to the first target
 * that accepts it.
 */
export interface TcpProxy {
  port: number;
  /** Ends every connection and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targets: ProxyTarget | ProxyTarget[]): Promise<TcpProxy> {
  const backends = Array.isArray(targets) ? targets : [targets];
  const sockets = new Set<net.Socket>();
  let open = true;
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    track(client);
    // Hold what the client sends until a backend takes the connection.
    client.pause();
    client.on('error', () => client.destroy());
    const tryBackend = (index: number): void => {
      const target = backends[index];
      if (!target || client.destroyed) return void client.destroy();
      const upstream = net.connect(target.port, target.host);
      let connected = false;
      upstream.on('error', () => (connected ? client.destroy() : tryBackend(index + 1)));
      upstream.once('connect', () => {
        connected = true;
        track(upstream);
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore: () => {
      open = true;
    },
    close: async () => {
      open = false;
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
