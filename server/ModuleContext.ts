import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppConfig } from './env.js';
import type { TrustProxy } from './http/clientAddress.js';
import type { DomainEvents } from './events/DomainEvents.js';
import type { DatabaseSchema } from './storage/DatabaseSchema.js';
import type { DocumentStore } from './storage/DocumentStore.js';
import type { OpenDatabase } from './storage/openSqliteDatabase.js';

/** What every module may use: storage, the domain events, the configuration and the log. */
export interface ModuleContext {
  database: OpenDatabase;
  db: Kysely<DatabaseSchema>;
  /** The documents' updates, as the sync server stores them. */
  store: DocumentStore;
  events: DomainEvents;
  config: AppConfig;
  /** The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustProxy: TrustProxy;
  logger: Logger;
}
