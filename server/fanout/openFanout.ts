import type { Logger } from 'pino';
import type { Fanout } from './Fanout.js';
import { LocalFanout } from './LocalFanout.js';

export interface FanoutConfig {
  /** `redis://…` selects Redis; absent, this instance is alone and nothing of Redis loads. */
  redisUrl?: string;
  redisPrefix: string;
}

/** The one place that picks the fan-out. */
export async function openFanout(config: FanoutConfig, logger: Logger): Promise<Fanout> {
  if (!config.redisUrl) return new LocalFanout();
  // Loaded only when asked for: one instance never loads a Redis client.
  const { RedisFanout } = await import('./RedisFanout.js');
  return RedisFanout.connect({ url: config.redisUrl, prefix: config.redisPrefix, logger });
}
