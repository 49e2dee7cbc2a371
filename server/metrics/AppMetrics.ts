import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SyncMetrics } from '../sync/SyncMetrics.js';

export interface MetricSources {
  /** Open sync connections and documents held in memory, read at each scrape. */
  syncStats(): { connections: number; documents: number };
}

/** The app's Prometheus metrics, in a registry of its own (no global state). */
export class AppMetrics implements SyncMetrics {
  readonly registry = new Registry();
  private readonly updatesIn: Counter;
  private readonly updatesOut: Counter;
  private readonly storeSeconds: Histogram;
  private readonly storeFailures: Counter;
  private readonly commands: Counter<'result'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'shh_' });
    new Gauge({
      name: 'shh_sync_connections',
      help: 'Open connections of the Yjs sync channel.',
      registers,
      collect() {
        this.set(sources.syncStats().connections);
      },
    });
    new Gauge({
      name: 'shh_sync_documents',
      help: 'Documents held in memory by the sync server.',
      registers,
      collect() {
        this.set(sources.syncStats().documents);
      },
    });
    this.updatesIn = new Counter({
      name: 'shh_sync_updates_in_total',
      help: 'Document updates received from clients and the server, once stored.',
      registers,
    });
    this.updatesOut = new Counter({
      name: 'shh_sync_updates_out_total',
      help: 'Document updates sent on to other connections.',
      registers,
    });
    this.storeSeconds = new Histogram({
      name: 'shh_storage_update_seconds',
      help: 'Time from receiving an update to its being durable (batched per event-loop tick).',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.storeFailures = new Counter({
      name: 'shh_storage_failures_total',
      help: 'Updates storage refused (their documents were closed with 4503).',
      registers,
    });
    this.commands = new Counter({
      name: 'shh_moderation_commands_total',
      help: 'Moderation commands, by result: ok or the error code.',
      labelNames: ['result'],
      registers,
    });
  }

  updateStored(seconds: number, recipients: number): void {
    this.updatesIn.inc();
    this.updatesOut.inc(recipients);
    this.storeSeconds.observe(seconds);
  }

  storeFailed(): void {
    this.storeFailures.inc();
  }

  command(result: string): void {
    this.commands.inc({ result });
  }
}
