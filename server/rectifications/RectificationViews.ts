import { isOverdue } from '../../shared/rectifications/rectificationCodes.js';
import type {
  PersonRef,
  ProgressView,
  RectificationDetailView,
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import type { Accounts, User } from '../auth/Accounts.js';
import type { DocumentReader } from '../documents/DocumentReader.js';
import type { Proposal } from './RectificationProposals.js';
import type { Progress, Rectification } from './Rectifications.js';
import { resolveAnchor } from './resolveAnchor.js';

export interface RectificationViewsDeps {
  /** Whose names the views show. */
  accounts: Accounts;
  /** The documents' states, for the text links. */
  documents: DocumentReader;
  /** Whether the user may read the document (MeetingAccess.documentRights): its text is its. */
  mayReadDocument(user: User, document: string): Promise<boolean>;
  /** Progress lists of items. */
  progressOf(ids: readonly number[]): Promise<Progress[]>;
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

  async views(rows: readonly Rectification[], reader: User | null): Promise<RectificationView[]> {
    return (await this.build(rows, reader)).map(
      ({ progress: _all, anchorPositions: _positions, ...view }) => view,
    );
  }

  async detail(row: Rectification, reader: User | null): Promise<RectificationDetailView> {
    const [view] = await this.build([row], reader);
    return view!;
  }

  async proposals(rows: readonly Proposal[]): Promise<RectificationProposalView[]> {
    const people = await this.people(rows.flatMap((r) => [r.createdBy, r.decidedBy]));
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meetingId,
      document: r.document,
      text: r.text,
      aspect: r.aspect,
      heading: r.heading,
      status: r.status,
      createdBy: people(r.createdBy),
      createdAt: r.createdAt,
      decidedBy: r.decidedBy === null ? null : people(r.decidedBy),
      rectificationId: r.rectificationId,
    }));
  }

  private async build(
    rows: readonly Rectification[],
    reader: User | null,
  ): Promise<RectificationDetailView[]> {
    const progress = await this.deps.progressOf(rows.map((r) => r.id));
    const [people, states] = await Promise.all([
      this.people([
        ...rows.flatMap((r) => [
          r.leaderUserId,
          r.ownerUserId,
          r.verifiedBy,
          r.subjectUserId,
          r.createdBy,
        ]),
        ...progress.map((p) => p.authorUserId),
      ]),
      this.states(
        rows.flatMap((r) => (r.anchorDocument ? [r.anchorDocument] : [])),
        reader,
      ),
    ]);
    const today = this.today();
    return rows.map((r) => {
      const notes = progress
        .filter((p) => p.rectificationId === r.id)
        .map((p): ProgressView => ({
          id: p.id,
          author: people(p.authorUserId),
          note: p.note,
          notedOn: p.notedOn,
          createdAt: p.createdAt,
        }));
      const status = r.status;
      const { longTerm } = r;
      const state = r.anchorDocument ? states.get(r.anchorDocument) : undefined;
      return {
        id: r.id,
        meetingId: r.meetingId,
        branchId: r.branchId,
        seq: r.seq,
        source: r.source,
        aspect: r.aspect,
        problem: r.problem,
        goal: r.goal,
        measures: r.measures,
        leader: r.leaderUserId === null ? null : people(r.leaderUserId),
        owner: people(r.ownerUserId),
        deadline: r.deadline,
        longTerm,
        status,
        verified:
          r.verifiedAt === null || r.verifiedBy === null
            ? null
            : { at: r.verifiedAt, by: people(r.verifiedBy) },
        sentBackReason: r.sentBackReason,
        subject: r.subjectUserId === null ? null : people(r.subjectUserId),
        speechId: r.speechId,
        anchor:
          r.anchorDocument === null
            ? null
            : {
                document: r.anchorDocument,
                quote: r.anchorQuote ?? '',
                current:
                  state && r.anchorStart && r.anchorEnd
                    ? resolveAnchor(state, { start: r.anchorStart, end: r.anchorEnd })
                    : null,
              },
        latestProgress: notes.at(-1) ?? null,
        overdue: isOverdue(
          { deadline: r.deadline, longTerm, status, verified: r.verifiedAt !== null },
          today,
        ),
        createdBy: people(r.createdBy),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        progress: notes,
        anchorPositions:
          r.anchorStart && r.anchorEnd ? { start: r.anchorStart, end: r.anchorEnd } : null,
      };
    });
  }

  /** Looks the users up once; an id no longer there shows as itself. */
  private async people(ids: ReadonlyArray<number | null>): Promise<(id: number) => PersonRef> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const names = await this.deps.accounts.displayNames(wanted);
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
