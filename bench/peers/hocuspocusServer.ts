import { Server } from '@hocuspocus/server';

// The @hocuspocus/server peer of the benchmark: defaults, no extensions, so documents live in
// memory only. The harness starts this as a child pinned to one core and reads PORT from env.
const port = Number(process.env.PORT ?? '0');
const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`hocuspocus listening on 127.0.0.1:${server.address.port}\n`);
