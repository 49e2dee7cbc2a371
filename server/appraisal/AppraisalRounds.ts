import type { Kysely } from 'kysely';
import type {
  AppraisalResult,
  AppraisalStatus,
  Grade,
  PaperBallots,
} from '../../shared/appraisal/appraisalSchemas.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';

/** A cast ballot: the hash of its voter's secret and a grade per member; nothing else. */
export interface StoredBallot {
  key: string;
  grades: Record<string, Grade>;
}

export interface AppraisalRound {
  meetingId: number;
  status: AppraisalStatus;
  revision: number;
  voters: number[];
  subjects: number[];
  /** Who has voted, sorted by id: not in the order they voted. */
  voted: number[];
  /** Sorted by key: not in the order they were cast. */
  ballots: StoredBallot[];
  paper: PaperBallots | null;
  result: AppraisalResult | null;
  minBallots: number;
  openedAt: number | null;
  closedAt: number | null;
}

/** The appraisal rounds, one per meeting, each written whole. */
export class AppraisalRounds {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async find(meetingId: number): Promise<AppraisalRound | null> {
    const row = await this.db
      .selectFrom('appraisal_rounds')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      meetingId: row.meeting_id,
      status: row.status as AppraisalStatus,
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
    if (previous === null) {
      const inserted = await this.db
        .insertInto('appraisal_rounds')
        .values({ meeting_id: round.meetingId, ...columns })
        .onConflict((oc) => oc.column('meeting_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
    }
    const updated = await this.db
      .updateTable('appraisal_rounds')
      .set(columns)
      .where('meeting_id', '=', round.meetingId)
      .where('revision', '=', previous)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}
