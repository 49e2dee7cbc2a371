import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';

// The @hocuspocus/server peer of the benchmark: defaults, so documents live in memory only. The
// harness starts this as a child pinned to one core and reads PORT from env. With REDIS_URL (the
// multi-instance run) it adds the official Redis extension with its defaults, under
// REDIS_PREFIX, so that instances relay changes and awareness to each other.
const port = Number(process.env.PORT ?? '0');
const extensions: Extension[] = [];
const redisUrl = process.env.REDIS_URL;
if (redisUrl !== undefined) {
  const url = new URL(redisUrl);
  const redis = new Redis({
    host: url.hostname,
    port: Number(url.port || '6379'),
    options: {
      password: url.password === '' ? undefined : decodeURIComponent(url.password),
      db: Number(url.pathname.slice(1) || '0'),
    },
    prefix: process.env.REDIS_PREFIX ?? 'hocuspocus',
  });
  // The extension connects lazily and only logs failures: without this check an unreachable
  // Redis would show up much later as every connection refused.
  const ping = redis.pub.ping();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref(),
  );
  try {
    await Promise.race([ping, timeout]);
  } catch (err) {
    process.stderr.write(`Redis at ${url.host} is unreachable: ${String(err)}\n`);
    process.exit(2);
  }
  extensions.push(redis);
}
const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions });
await server.listen();
process.stdout.write(
  `hocuspocus listening on 127.0.0.1:${server.address.port}${redisUrl === undefined ? '' : ' with Redis'}\n`,
);
