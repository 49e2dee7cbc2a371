import type { Kysely, Selectable } from 'kysely';
import type { ProposalStatus } from '../../shared/rectifications/rectificationCodes.js';
import type { DatabaseSchema, RectificationProposalTable } from '../storage/DatabaseSchema.js';

export interface Proposal {
  id: number;
  meetingId: number;
  document: string;
  text: string;
  aspect: string;
  heading: string;
  status: ProposalStatus;
  createdBy: number;
  createdAt: number;
  decidedBy: number | null;
  rectificationId: number | null;
}

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
  ): Promise<Proposal[]> {
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
      .then((rows) => rows.map(toProposal).sort((a, b) => a.id - b.id));
  }

  async findById(id: number): Promise<Proposal | undefined> {
    const row = await this.db
      .selectFrom('rectification_proposals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toProposal(row);
  }

  async pending(meetingId: number): Promise<Proposal[]> {
    const rows = await this.db
      .selectFrom('rectification_proposals')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'pending' satisfies ProposalStatus)
      .orderBy('id')
      .execute();
    return rows.map(toProposal);
  }

  /**
   * Decides a pending proposal; resolves the decided row, or null if someone decided it first
   * (so two managers accepting at once make one item).
   */
  async decide(
    id: number,
    status: Exclude<ProposalStatus, 'pending'>,
    decidedBy: number,
  ): Promise<Proposal | null> {
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
  async link(id: number, rectificationId: number): Promise<Proposal> {
    await this.db
      .updateTable('rectification_proposals')
      .set({ rectification_id: rectificationId })
      .where('id', '=', id)
      .execute();
    return (await this.findById(id))!;
  }
}

function toProposal(row: Selectable<RectificationProposalTable>): Proposal {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    document: row.document,
    text: row.text,
    aspect: row.aspect,
    heading: row.heading,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    rectificationId: row.rectification_id,
  };
}
