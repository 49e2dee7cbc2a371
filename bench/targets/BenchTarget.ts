import type { BenchOptions, ServerName } from '../benchOptions.js';
import type { ChildServer } from '../ChildServer.js';
import type { ReaderProtocol } from '../clients/readerProtocols.js';
import type { WriterConnection } from '../clients/writerConnections.js';

/** Where a target keeps its files and registers its child, both owned by run.ts for cleanup. */
export interface TargetContext {
  repoRoot: string;
  /** A fresh temp directory for this target; run.ts deletes it at exit. */
  tempDir: string;
  live: Set<ChildServer>;
  options: BenchOptions;
}

/** One server under test: how to start it, set up its rooms and connect both kinds of client. */
export interface BenchTarget {
  readonly name: ServerName;
  /** Printed under the table: persistence and anything else a reader must know. */
  readonly note: string;
  start(): Promise<ChildServer>;
  connectWriter(room: number): WriterConnection;
  readerProtocol(room: number): ReaderProtocol;
}
