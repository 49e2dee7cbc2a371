import type { Kysely } from 'kysely';
import type { AppliedCommand } from '../../shared/moderation/reduceMeeting.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';

export interface StoredEvent {
  version: number;
  command: AppliedCommand;
  actorId: number | null;
  at: number;
}

/** Each meeting's moderation commands in the order they applied; the state is their replay. */
export class MeetingEventLog {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The meeting's events after `afterVersion` (all of them by default), in order. */
  async load(meetingId: number, afterVersion = 0): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('meeting_events')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('version', '>', afterVersion)
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      command: JSON.parse(r.command) as AppliedCommand,
      actorId: r.actor_id,
      at: r.at,
    }));
  }

  /** Stores the event; resolves false if its version is taken (someone else applied one first). */
  async append(meetingId: number, event: StoredEvent): Promise<boolean> {
    const result = await this.db
      .insertInto('meeting_events')
      .values({
        meeting_id: meetingId,
        version: event.version,
        command: JSON.stringify(event.command),
        actor_id: event.actorId,
        at: event.at,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'version']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Records that a speech's heading went into a document; true only for the first caller. */
  async claimHeading(meetingId: number, speechId: string, document: string): Promise<boolean> {
    const result = await this.db
      .insertInto('speech_headings')
      .values({ meeting_id: meetingId, speech_id: speechId, document })
      .onConflict((oc) => oc.columns(['meeting_id', 'speech_id', 'document']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
}
