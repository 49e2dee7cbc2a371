import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { AppraisalResult } from '../../shared/appraisal/appraisalSchemas.js';
import { meetingDocumentName } from '../../shared/meetings/meetingDocuments.js';
import type { MeetingKind, MeetingParticipantView } from '../../shared/meetings/meetingSchemas.js';
import type { MeetingState } from '../../shared/moderation/meetingState.js';
import type { RectificationView } from '../../shared/rectifications/rectificationViews.js';
import type { AppraisalService } from '../appraisal/AppraisalService.js';
import type { AccessUser } from '../meetings/MeetingAccess.js';
import type { Branches } from '../branches/Branches.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import type { MeetingRow } from '../meetings/Meetings.js';
import type { Meetings } from '../meetings/Meetings.js';
import type { RectificationService } from '../rectifications/RectificationService.js';
import type { DocumentStore } from '../storage/DocumentStore.js';

/** Everything the minutes and the report are assembled from, read at one moment. */
export interface MeetingRecord {
  meeting: MeetingRow;
  kind: MeetingKind;
  branchName: string;
  people: MeetingParticipantView[];
  state: MeetingState;
  /** The minutes document's content (null: nobody has written into it). */
  minutes: JSONContent | null;
  /** The collective checking material's content (null: empty). */
  collective: JSONContent | null;
  /** How many personal checking materials (self/<u>) hold any text beyond their headings. */
  selfMaterials: number;
  rectifications: RectificationView[];
  /** 民主评议 result once the round is closed (组织生活会); else null. */
  appraisal: AppraisalResult | null;
  /** The round closed without a result: too few ballots were cast on devices. */
  appraisalWithheld?: boolean;
  /** The meetings' time zone (MEETING_TIME_ZONE), for dates and times. */
  timeZone: string;
}

export interface MeetingRecordDeps {
  meetings: Meetings;
  branches: Branches;
  appraisal: AppraisalService;
  rectifications: RectificationService;
  /** Every update anyone has seen is stored before it is broadcast, so this is current. */
  store: DocumentStore;
  documents: ServerDocuments;
  timeZone: string;
}

/** Reads a meeting's record for the exports; the caller has checked who asks. */
export class MeetingRecordReader {
  constructor(private readonly deps: MeetingRecordDeps) {}

  async read(meeting: MeetingRow, state: MeetingState, user: AccessUser): Promise<MeetingRecord> {
    const kind = meeting.kind as MeetingKind;
    const name = (kind_: 'minutes' | 'collective') =>
      meetingDocumentName(meeting.id, { kind: kind_, ownerId: null });
    const [branch, people, minutes, collective, rectifications, appraisal] = await Promise.all([
      this.deps.branches.findById(meeting.branch_id),
      this.deps.meetings.participants(meeting),
      this.content(name('minutes')),
      this.content(name('collective')),
      this.deps.rectifications.listForMeeting(meeting.id),
      kind === 'organizational-life'
        ? this.deps.appraisal.view(meeting.id, user)
        : Promise.resolve(null),
    ]);
    const selves = await Promise.all(
      people
        .filter((p) => p.roles.includes('participant'))
        .map((p) =>
          this.content(meetingDocumentName(meeting.id, { kind: 'self', ownerId: p.userId })),
        ),
    );
    return {
      meeting,
      kind,
      branchName: branch?.name ?? '',
      people,
      state,
      minutes,
      collective,
      selfMaterials: selves.filter((c) => c !== null && hasWriting(c)).length,
      rectifications,
      appraisal: appraisal?.result ?? null,
      appraisalWithheld: appraisal?.resultWithheld ?? false,
      timeZone: this.deps.timeZone,
    };
  }

  /** A document's current content as the editor's JSON; null when nothing was ever stored. */
  async content(documentName: string): Promise<JSONContent | null> {
    const rows = await this.deps.store.load(documentName);
    if (rows.length === 0) return null;
    return this.deps.documents.contentOf(Y.mergeUpdates(rows.map((r) => r.data)));
  }
}

/** Text outside headings: a material starts as its outline (openingStructure), which is not writing. */
function hasWriting(node: JSONContent, inHeading = false): boolean {
  if (node.type === 'text') return !inHeading && (node.text ?? '').trim() !== '';
  const heading = inHeading || node.type === 'heading';
  return (node.content ?? []).some((child) => hasWriting(child, heading));
}
