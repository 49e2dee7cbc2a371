import type { Kysely } from 'kysely';
import { isOverdue } from '../../shared/rectifications/rectificationCodes.js';
import type {
  PersonRef,
  ProgressView,
  RectificationDetailView,
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import type { User } from '../auth/Accounts.js';
import type { DocumentReader } from '../documents/DocumentReader.js';
import type { DatabaseSchema } from '../storage/DatabaseSchema.js';
import type { ProposalRow } from './RectificationProposals.js';
import type { ProgressRow, RectificationRow } from './Rectifications.js';
import { resolveAnchor } from './resolveAnchor.js';

export interface RectificationViewsDeps {
  db: Kysely<DatabaseSchema>;
  /** The documents' states, for the text links. */
  documents: DocumentReader;
  /** Whether the user may read the document (MeetingAccess.documentRights): its text is its. */
  mayReadDocument(user: User, document: string): Promise<boolean>;
  /** Progress lists of items. */
  progressOf(ids: readonly number[]): Promise<ProgressRow[]>;
  /** Days (deadlines, overdue) are the meeting's: config.meetingTimeZone. */
  timeZone: string;
  now?: () => number;
}

/**
 * Rows as the API shows them: people by name, the latest progress, overdue, and the link's text
 * as it reads now, for a reader who may read the linked document (null for anyone else).
 */
export class RectificationViews {
  private readonly day: Intl.DateTimeFormat;
  private readonly now: () => number;

  constructor(private readonly deps: RectificationViewsDeps) {
    this.now = deps.now ?? Date.now;
    // en-CA formats a date as YYYY-MM-DD.
    this.day = new Intl.DateTimeFormat('en-CA', {
      timeZone: deps.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  /** Today in the meeting time zone, YYYY-MM-DD. */
  today(): string {
    return this.day.format(this.now());
  }

  async views(
    rows: readonly RectificationRow[],
    reader: User | null,
  ): Promise<RectificationView[]> {
    return (await this.build(rows, reader)).map(
      ({ progress: _all, anchorPositions: _positions, ...view }) => view,
    );
  }

  async detail(row: RectificationRow, reader: User | null): Promise<RectificationDetailView> {
    const [view] = await this.build([row], reader);
    return view!;
  }

  async proposals(rows: readonly ProposalRow[]): Promise<RectificationProposalView[]> {
    const people = await this.people(rows.flatMap((r) => [r.created_by, r.decided_by]));
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      document: r.document,
      text: r.text,
      aspect: r.aspect,
      heading: r.heading,
      status: r.status,
      createdBy: people(r.created_by),
      createdAt: r.created_at,
      decidedBy: r.decided_by === null ? null : people(r.decided_by),
      rectificationId: r.rectification_id,
    }));
  }

  private async build(
    rows: readonly RectificationRow[],
    reader: User | null,
  ): Promise<RectificationDetailView[]> {
    const progress = await this.deps.progressOf(rows.map((r) => r.id));
    const [people, states] = await Promise.all([
      this.people([
        ...rows.flatMap((r) => [
          r.leader_user_id,
          r.owner_user_id,
          r.verified_by,
          r.subject_user_id,
          r.created_by,
        ]),
        ...progress.map((p) => p.author_user_id),
      ]),
      this.states(
        rows.flatMap((r) => (r.anchor_document ? [r.anchor_document] : [])),
        reader,
      ),
    ]);
    const today = this.today();
    return rows.map((r) => {
      const notes = progress
        .filter((p) => p.rectification_id === r.id)
        .map((p): ProgressView => ({
          id: p.id,
          author: people(p.author_user_id),
          note: p.note,
          notedOn: p.noted_on,
          createdAt: p.created_at,
        }));
      const status = r.status;
      const longTerm = Number(r.long_term) === 1;
      const state = r.anchor_document ? states.get(r.anchor_document) : undefined;
      return {
        id: r.id,
        meetingId: r.meeting_id,
        branchId: r.branch_id,
        seq: r.seq,
        source: r.source,
        aspect: r.aspect,
        problem: r.problem,
        goal: r.goal,
        measures: r.measures,
        leader: r.leader_user_id === null ? null : people(r.leader_user_id),
        owner: people(r.owner_user_id),
        deadline: r.deadline,
        longTerm,
        status,
        verified:
          r.verified_at === null || r.verified_by === null
            ? null
            : { at: r.verified_at, by: people(r.verified_by) },
        sentBackReason: r.sent_back_reason,
        subject: r.subject_user_id === null ? null : people(r.subject_user_id),
        speechId: r.speech_id,
        anchor:
          r.anchor_document === null
            ? null
            : {
                document: r.anchor_document,
                quote: r.anchor_quote ?? '',
                current:
                  state && r.anchor_start && r.anchor_end
                    ? resolveAnchor(state, { start: r.anchor_start, end: r.anchor_end })
                    : null,
              },
        latestProgress: notes.at(-1) ?? null,
        overdue: isOverdue(
          { deadline: r.deadline, longTerm, status, verified: r.verified_at !== null },
          today,
        ),
        createdBy: people(r.created_by),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        progress: notes,
        anchorPositions:
          r.anchor_start && r.anchor_end ? { start: r.anchor_start, end: r.anchor_end } : null,
      };
    });
  }

  /** Looks the users up once; an id no longer there shows as itself. */
  private async people(ids: ReadonlyArray<number | null>): Promise<(id: number) => PersonRef> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const rows =
      wanted.length === 0
        ? []
        : await this.deps.db
            .selectFrom('users')
            .select(['id', 'display_name'])
            .where('id', 'in', wanted)
            .execute();
    const names = new Map(rows.map((r) => [r.id, r.display_name]));
    return (id) => ({ id, displayName: names.get(id) ?? String(id) });
  }

  /**
   * The whole state of each linked document the reader may read, read once however many items
   * link to it. A committee member without a meeting role reads the items, not the documents.
   */
  private async states(
    documents: readonly string[],
    reader: User | null,
  ): Promise<Map<string, Uint8Array>> {
    const states = new Map<string, Uint8Array>();
    if (reader === null) return states;
    for (const document of new Set(documents)) {
      if (!(await this.deps.mayReadDocument(reader, document))) continue;
      const state = await this.deps.documents.state(document);
      if (state !== null) states.set(document, state);
    }
    return states;
  }
}
