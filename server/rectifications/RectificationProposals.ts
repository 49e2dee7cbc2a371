import type { Kysely, Selectable } from 'kysely';
import type { ProposalStatus } from '../../shared/rectifications/rectificationCodes.js';
import type { DatabaseSchema, RectificationProposalTable } from '../storage/DatabaseSchema.js';

export type ProposalRow = Selectable<RectificationProposalTable>;

export interface NewProposal {
  text: string;
  aspect: string;
  heading: string;
}

/** Measures an import proposes as rectification items, until a manager accepts or drops them. */
export class RectificationProposals {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(
    meetingId: number,
    document: string,
    proposals: readonly NewProposal[],
    createdBy: number,
  ): Promise<ProposalRow[]> {
    const at = this.now();
    return this.db
      .insertInto('rectification_proposals')
      .values(
        proposals.map((p) => ({
          meeting_id: meetingId,
          document,
          text: p.text,
          aspect: p.aspect,
          heading: p.heading,
          status: 'pending' satisfies ProposalStatus,
          created_by: createdBy,
          created_at: at,
          decided_by: null,
          rectification_id: null,
        })),
      )
      .returningAll()
      .execute()
      .then((rows) => rows.sort((a, b) => a.id - b.id));
  }

  findById(id: number): Promise<ProposalRow | undefined> {
    return this.db
      .selectFrom('rectification_proposals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  pending(meetingId: number): Promise<ProposalRow[]> {
    return this.db
      .selectFrom('rectification_proposals')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'pending' satisfies ProposalStatus)
      .orderBy('id')
      .execute();
  }

  /**
   * Decides a pending proposal; resolves the decided row, or null if someone decided it first
   * (so two managers accepting at once make one item).
   */
  async decide(
    id: number,
    status: Exclude<ProposalStatus, 'pending'>,
    decidedBy: number,
  ): Promise<ProposalRow | null> {
    const result = await this.db
      .updateTable('rectification_proposals')
      .set({ status, decided_by: decidedBy })
      .where('id', '=', id)
      .where('status', '=', 'pending' satisfies ProposalStatus)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    return (await this.findById(id)) ?? null;
  }

  /** Records the item an accepted proposal became. */
  async link(id: number, rectificationId: number): Promise<ProposalRow> {
    await this.db
      .updateTable('rectification_proposals')
      .set({ rectification_id: rectificationId })
      .where('id', '=', id)
      .execute();
    return (await this.findById(id))!;
  }
}
