import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { clusterEventSchema, type ClusterEvent } from '../../shared/cluster/clusterEvents.js';
import { ConfigError } from '../env.js';
import type { Fanout, PeerMessage, PeerReceiver, SocketIoAdapter } from './Fanout.js';
import { decodePeerMessage, encodePeerMessage, INSTANCE_ID_BYTES } from './peerMessages.js';

export interface RedisFanoutOptions {
  url: string;
  /** Prefix of every channel, so that several deployments (or tests) can share one Redis. */
  prefix: string;
  logger: Logger;
  /** How long the first connection may take before start-up fails. */
  connectTimeoutMs?: number;
}

/** Redis could not be reached at start-up: the operator's setting or the service is wrong. */
export class RedisUnreachableError extends ConfigError {}

// Commands fail at once while Redis is away instead of piling up: what is published meanwhile
// is lost on purpose, and the instances catch up from storage when Redis returns.
const CLIENT_OPTIONS: RedisOptions = { enableOfflineQueue: false, lazyConnect: true };

/**
 * The fan-out over Redis pub/sub: one channel per loaded document (updates and awareness) and
 * one for cluster events. Each instance subscribes to a document's channel before loading it,
 * and after Redis comes back it subscribes again before it catches up.
 */
export class RedisFanout implements Fanout {
  private readonly instance = randomBytes(INSTANCE_ID_BYTES);
  private readonly receivers = new Map<string, PeerReceiver>();
  private readonly eventHandlers: ((event: ClusterEvent) => void)[] = [];
  private readonly eventsChannel: string;
  private readonly adapterClients: Redis[] = [];
  /** Redis was lost since both clients were last ready: the next ready is a reconnect. */
  private lost = false;
  private recovering = false;
  private closed = false;

  private constructor(
    private readonly options: RedisFanoutOptions,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    this.eventsChannel = `${options.prefix}:events`;
    subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) =>
      this.receive(channel.toString(), data),
    );
    for (const client of [publisher, subscriber]) {
      client.on('error', (err: Error) => this.onLost(err));
      client.on('close', () => this.onLost(null));
      client.on('ready', () => void this.onReady());
    }
  }

  /** Connects both clients, or fails with `RedisUnreachableError` after the timeout. */
  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const publisher = new Redis(options.url, CLIENT_OPTIONS);
    const subscriber = new Redis(options.url, { ...CLIENT_OPTIONS, autoResubscribe: false });
    const fanout = new RedisFanout(options, publisher, subscriber);
    try {
      await withTimeout(
        Promise.all([publisher.connect(), subscriber.connect()]),
        options.connectTimeoutMs ?? 10_000,
      );
      await subscriber.subscribe(fanout.eventsChannel);
    } catch (err) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new RedisUnreachableError(`Redis at REDIS_URL is unreachable: ${String(err)}`);
    }
    return fanout;
  }

  async subscribe(document: string, receive: PeerReceiver): Promise<void> {
    this.receivers.set(this.documentChannel(document), receive);
    try {
      await this.subscriber.subscribe(this.documentChannel(document));
    } catch (err) {
      this.options.logger.debug({ err, doc: document }, 'subscribing while Redis is away');
    }
  }

  unsubscribe(document: string, receive: PeerReceiver): void {
    const channel = this.documentChannel(document);
    if (this.receivers.get(channel) !== receive) return;
    this.receivers.delete(channel);
    this.subscriber.unsubscribe(channel).catch(() => undefined);
  }

  publish(document: string, message: PeerMessage): void {
    const data = encodePeerMessage(this.instance, message);
    this.publisher.publish(this.documentChannel(document), data).catch(() => undefined);
  }

  broadcast(event: ClusterEvent): void {
    // Here first and for sure; the others hear it through Redis if it is there.
    this.runEvent(event);
    const data = Buffer.concat([this.instance, Buffer.from(JSON.stringify(event))]);
    this.publisher.publish(this.eventsChannel, data).catch((err: unknown) => {
      this.options.logger.warn({ err, event: event.type }, 'a cluster event missed the others');
    });
  }

  onEvent(handler: (event: ClusterEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  async check(): Promise<void> {
    if (this.subscriber.status !== 'ready') throw new Error('Redis subscription is down');
    await this.publisher.ping();
  }

  /**
   * socket.io's Redis adapter on two clients of its own (its subscriber cannot share ours).
   * Its publishes are fire-and-forget; while Redis is away they fail and must not become
   * unhandled rejections.
   */
  async socketIoAdapter(): Promise<SocketIoAdapter> {
    const pub = new Redis(this.options.url, CLIENT_OPTIONS);
    const sub = new Redis(this.options.url, { lazyConnect: true });
    await Promise.all([pub.connect(), sub.connect()]);
    const publish = pub.publish.bind(pub) as (channel: string, message: string) => Promise<number>;
    const quietPublish = (channel: string, message: string): Promise<number> => {
      const sent = publish(channel, message);
      sent.catch(() => undefined);
      return sent;
    };
    Object.assign(pub, { publish: quietPublish });
    for (const client of [pub, sub]) client.on('error', (err: Error) => this.onLost(err));
    this.adapterClients.push(pub, sub);
    return createAdapter(pub, sub, { key: `${this.options.prefix}:socket.io` });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const client of [this.publisher, this.subscriber, ...this.adapterClients]) {
      client.disconnect();
    }
  }

  private documentChannel(document: string): string {
    return `${this.options.prefix}:doc:${document}`;
  }

  private receive(channel: string, data: Buffer): void {
    if (channel === this.eventsChannel) return this.receiveEvent(data);
    const receiver = this.receivers.get(channel);
    const decoded = receiver ? decodePeerMessage(data) : null;
    if (!receiver || !decoded || decoded.sender.equals(this.instance)) return;
    receiver(decoded.message);
  }

  private receiveEvent(data: Buffer): void {
    if (data.subarray(0, INSTANCE_ID_BYTES).equals(this.instance)) return;
    try {
      const parsed = clusterEventSchema.safeParse(
        JSON.parse(data.subarray(INSTANCE_ID_BYTES).toString()),
      );
      if (parsed.success) return this.runEvent(parsed.data);
      this.options.logger.warn({ issues: parsed.error.issues }, 'malformed cluster event');
    } catch (err) {
      this.options.logger.warn({ err }, 'undecodable cluster event');
    }
  }

  private runEvent(event: ClusterEvent): void {
    for (const handler of this.eventHandlers) {
      try {
        handler(event);
      } catch (err) {
        this.options.logger.error({ err, event: event.type }, 'a cluster event handler failed');
      }
    }
  }

  private onLost(err: Error | null): void {
    if (this.closed) return;
    if (!this.lost) {
      this.options.logger.error(
        { err },
        'lost Redis; serving this instance alone until it returns',
      );
    }
    this.lost = true;
  }

  /**
   * Both clients back after a loss: subscribe to everything again, then have every instance
   * (this one too) catch up, since messages published meanwhile are gone.
   */
  private async onReady(): Promise<void> {
    const bothReady = this.publisher.status === 'ready' && this.subscriber.status === 'ready';
    if (!this.lost || this.recovering || this.closed || !bothReady) return;
    this.recovering = true;
    try {
      await this.subscriber.subscribe(this.eventsChannel, ...this.receivers.keys());
      // In order on this connection: once PING answers, the subscriptions are in force.
      await this.subscriber.ping();
      this.lost = false;
      this.options.logger.info({ documents: this.receivers.size }, 'Redis is back; catching up');
      this.broadcast({ type: 'catchUp' });
    } catch (err) {
      this.options.logger.warn({ err }, 'subscribing again after a Redis loss failed');
    } finally {
      this.recovering = false;
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
