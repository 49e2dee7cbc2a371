import type { Kysely } from 'kysely';
import type { RoundState, StoredBallot } from '../../shared/appraisal/appraisalRound.js';
import type { AppraisalResult, PaperBallots } from '../../shared/appraisal/appraisalSchemas.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';
import { plainSecretWrites, type SecretWrites } from '../storage/SecretWrites.js';

/** A round as stored: the rules' state plus its meeting, revision and times. */
export interface AppraisalRound extends RoundState {
  meetingId: number;
  revision: number;
  openedAt: number | null;
  closedAt: number | null;
}

/**
 * The appraisal rounds, one per meeting, each written whole, as secrets: overwritten versions
 * are zeroed, and once a round is no longer open (its ballots replaced by the tally, or
 * discarded) the write-ahead log holding the past versions is emptied.
 */
export class AppraisalRounds {
  private readonly secrets: SecretWrites;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    secrets?: SecretWrites,
  ) {
    this.secrets = secrets ?? plainSecretWrites(db);
  }

  async find(meetingId: number): Promise<AppraisalRound | null> {
    const row = await this.db
      .selectFrom('appraisal_rounds')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      meetingId: row.meeting_id,
      status: row.status,
      revision: row.revision,
      voters: JSON.parse(row.voters) as number[],
      subjects: JSON.parse(row.subjects) as number[],
      voted: JSON.parse(row.voted) as number[],
      ballots: JSON.parse(row.ballots) as StoredBallot[],
      paper: row.paper === null ? null : (JSON.parse(row.paper) as PaperBallots),
      result: row.result === null ? null : (JSON.parse(row.result) as AppraisalResult),
      minBallots: row.min_ballots,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
    };
  }

  /**
   * Stores `round` (its revision one past `previous`) unless another writer changed the round
   * since `previous` was read (null: there was none); resolves false then.
   */
  async save(round: AppraisalRound, previous: number | null): Promise<boolean> {
    const columns = {
      status: round.status,
      revision: round.revision,
      voters: JSON.stringify(round.voters),
      subjects: JSON.stringify(round.subjects),
      voted: JSON.stringify([...round.voted].sort((a, b) => a - b)),
      ballots: JSON.stringify(
        [...round.ballots].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      ),
      paper: round.paper === null ? null : JSON.stringify(round.paper),
      result: round.result === null ? null : JSON.stringify(round.result),
      min_ballots: round.minBallots,
      opened_at: round.openedAt,
      closed_at: round.closedAt,
    };
    const saved = await this.secrets.run(async (db) => {
      if (previous === null) {
        const inserted = await db
          .insertInto('appraisal_rounds')
          .values({ meeting_id: round.meetingId, ...columns })
          .onConflict((oc) => oc.column('meeting_id').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
      }
      const updated = await db
        .updateTable('appraisal_rounds')
        .set(columns)
        .where('meeting_id', '=', round.meetingId)
        .where('revision', '=', previous)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    });
    if (saved && round.status !== 'open') await this.secrets.purgeLog();
    return saved;
  }
}
