import { proposedMeasures } from '../../shared/import/proposedMeasures.js';
import { parseMeetingDocumentName } from '../../shared/meetings/meetingDocuments.js';
import type {
  AcceptProposalRequest,
  CreateProposalsRequest,
} from '../../shared/rectifications/rectificationSchemas.js';
import {
  createProposalsSchema,
  RectificationLimits,
} from '../../shared/rectifications/rectificationSchemas.js';
import type {
  RectificationDetailView,
  RectificationProposalView,
} from '../../shared/rectifications/rectificationViews.js';
import type { User } from '../auth/Accounts.js';
import type { DocumentReader } from '../documents/DocumentReader.js';
import { outlineOf } from '../export/outlineBlocks.js';
import type { AuditLog } from '../auth/AuditLog.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import { parseBody } from '../http/parseInput.js';
import type { Actor } from '../meetings/MeetingService.js';
import type { RectificationAccess } from './RectificationAccess.js';
import type { Proposal, RectificationProposals } from './RectificationProposals.js';
import type { RectificationService } from './RectificationService.js';
import type { RectificationViews } from './RectificationViews.js';

export interface RectificationProposalServiceDeps {
  /** Reads a document's current content, for proposals from what it says now. */
  documents: DocumentReader;
  proposals: RectificationProposals;
  items: RectificationService;
  views: RectificationViews;
  access: RectificationAccess;
  audit: AuditLog;
  /** Told `rectificationProposalChanged` as a proposal comes or is decided. */
  events: DomainEvents;
}

/**
 * Measures found in an imported material, proposed as rectification items: a manager accepts
 * one (it becomes an item from 自查) or drops it.
 */
export class RectificationProposalService {
  constructor(private readonly deps: RectificationProposalServiceDeps) {}

  /**
   * Proposes items from one of the meeting's documents, for its managers or the owner of the
   * personal material (`m/<id>/self/<userId>`) imported. What the import feature calls.
   */
  async createProposals(
    meetingId: number,
    user: User,
    request: CreateProposalsRequest,
    actor: Actor,
  ): Promise<RectificationProposalView[]> {
    const { document, proposals } = parseBody(createProposalsSchema, request);
    const meeting = await this.meetingToProposeIn(meetingId, user, document);
    const rows = await this.deps.proposals.create(meeting.id, document, proposals, user.id);
    await this.deps.audit.record({
      action: 'rectification.proposal.create',
      actorId: actor.id,
      subject: `meeting:${meeting.id}`,
      ip: actor.ip,
      detail: { document, count: rows.length },
    });
    const views = await this.deps.views.proposals(rows);
    for (const view of views) {
      await this.deps.events.emit(DomainEvent.rectificationProposalChanged, view);
    }
    return views;
  }

  /**
   * Proposes the measures the document's 整改措施 section holds now (each item or sub-heading
   * one proposal), as typed in the editor rather than imported; nothing when it has none.
   */
  async proposeFromDocument(
    meetingId: number,
    user: User,
    document: string,
    actor: Actor,
  ): Promise<RectificationProposalView[]> {
    await this.meetingToProposeIn(meetingId, user, document);
    const measures = proposedMeasures(outlineOf(await this.deps.documents.content(document)));
    if (measures.length === 0) return [];
    const proposals = measures.slice(0, RectificationLimits.maxProposals).map((m) => ({
      text: m.text.slice(0, RectificationLimits.maxTextLength),
      aspect: (m.aspect ?? '').slice(0, RectificationLimits.maxAspectLength),
      heading: (m.heading ?? '').slice(0, RectificationLimits.maxHeadingLength),
    }));
    return this.createProposals(meetingId, user, { document, proposals }, actor);
  }

  /** The meeting, once the caller may propose items from `document` in it. */
  private async meetingToProposeIn(meetingId: number, user: User, document: string) {
    const found = await this.deps.access.meeting(meetingId, user);
    const ref = this.deps.access.document(found.meeting, document);
    this.deps.access.assert(found, 'rectification.propose', 'forbidden.proposal_create', ref);
    return found.meeting;
  }

  async pending(meetingId: number, user: User): Promise<RectificationProposalView[]> {
    await this.deps.access.meeting(meetingId, user);
    return this.deps.views.proposals(await this.deps.proposals.pending(meetingId));
  }

  /** Makes the proposal an item (source 自查), filled in with `request`. */
  async accept(
    meetingId: number,
    proposalId: number,
    user: User,
    request: AcceptProposalRequest,
    actor: Actor,
  ): Promise<{ proposal: RectificationProposalView; rectification: RectificationDetailView }> {
    const proposal = await this.pendingProposal(meetingId, proposalId, user);
    const ownerUserId = request.ownerUserId ?? this.materialOwner(meetingId, proposal);
    if (ownerUserId === null) {
      throw new DomainError('owner_required');
    }
    // Checked before the claim, so that a refusal leaves the proposal pending.
    await this.deps.items.checkCreate(meetingId, user, { ownerUserId, ...request });
    const decided = await this.claim(proposal, 'accepted', user);
    const rectification = await this.deps.items.create(
      meetingId,
      user,
      {
        source: 'self-check',
        aspect: request.aspect ?? proposal.aspect,
        problem: request.problem ?? proposal.text,
        goal: request.goal,
        measures: request.measures,
        leaderUserId: request.leaderUserId,
        ownerUserId,
        deadline: request.deadline,
        longTerm: request.longTerm,
      },
      actor,
    );
    const linked = await this.deps.proposals.link(decided.id, rectification.id);
    return {
      proposal: await this.decided(linked, actor, 'rectification.proposal.accept'),
      rectification,
    };
  }

  async drop(
    meetingId: number,
    proposalId: number,
    user: User,
    actor: Actor,
  ): Promise<RectificationProposalView> {
    const proposal = await this.pendingProposal(meetingId, proposalId, user);
    const decided = await this.claim(proposal, 'dropped', user);
    return this.decided(decided, actor, 'rectification.proposal.drop');
  }

  private async pendingProposal(
    meetingId: number,
    proposalId: number,
    user: User,
  ): Promise<Proposal> {
    const found = await this.deps.access.meeting(meetingId, user);
    const proposal = await this.deps.proposals.findById(proposalId);
    if (!proposal || proposal.meetingId !== meetingId) {
      throw new DomainError('not_found.proposal');
    }
    this.deps.access.assert(found, 'rectification.decideProposals', 'forbidden.proposal_decide');
    if (proposal.status !== 'pending') throw alreadyDecided();
    return proposal;
  }

  private async claim(
    proposal: Proposal,
    status: 'accepted' | 'dropped',
    user: User,
  ): Promise<Proposal> {
    const decided = await this.deps.proposals.decide(proposal.id, status, user.id);
    if (!decided) throw alreadyDecided();
    return decided;
  }

  private async decided(
    row: Proposal,
    actor: Actor,
    action: string,
  ): Promise<RectificationProposalView> {
    await this.deps.audit.record({
      action,
      actorId: actor.id,
      subject: `meeting:${row.meetingId}`,
      ip: actor.ip,
      detail: { proposalId: row.id, rectificationId: row.rectificationId },
    });
    const [view] = await this.deps.views.proposals([row]);
    await this.deps.events.emit(DomainEvent.rectificationProposalChanged, view!);
    return view!;
  }

  /** The member whose personal material the proposal came from, if it came from one. */
  private materialOwner(meetingId: number, proposal: Proposal): number | null {
    const ref = parseMeetingDocumentName(proposal.document);
    return ref?.meetingId === meetingId && ref.kind === 'self' ? ref.ownerId : null;
  }
}

function alreadyDecided(): DomainError {
  return new DomainError('proposal_decided');
}
