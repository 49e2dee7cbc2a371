import type { BenchOptions, ServerName } from '../benchOptions.js';
import type { ChildServer } from '../ChildServer.js';
import type { ReaderProtocol } from '../clients/readerProtocols.js';
import type { WriterConnection } from '../clients/writerConnections.js';

/** Where a target keeps its files and registers its children, both owned by run.ts for cleanup. */
export interface TargetContext {
  repoRoot: string;
  /** A fresh temp directory for this target; run.ts deletes it at exit. */
  tempDir: string;
  live: Set<ChildServer>;
  /**
   * Clean-ups that outlive the children (a PostgreSQL schema): a target adds one when it creates
   * the thing and deletes it once done; run.ts runs what is left when interrupted.
   */
  exitTasks: Set<() => Promise<void>>;
  options: BenchOptions;
  /** Core of each instance the run may start (`options.instances` of them); null: unpinned. */
  serverCores: Array<number | null>;
}

/** One server under test: how to start it, set up its rooms and connect both kinds of client. */
export interface BenchTarget {
  readonly name: ServerName;
  /** Printed under the table: persistence and anything else a reader must know. */
  readonly note: string;
  /** Instances it runs: `options.instances`, or 1 for a server that cannot run several. */
  readonly instanceCount: number;
  /** Cores of its instances, in instance order. */
  readonly cores: Array<number | null>;
  /** Starts every instance (instance 0 first) and resolves once all are ready. */
  start(): Promise<ChildServer[]>;
  connectWriter(room: number, instance: number): WriterConnection;
  readerProtocol(room: number, instance: number): ReaderProtocol;
  /** Releases what outlives the instances (a database schema); called after they stopped. */
  stop(): Promise<void>;
}
