import type { JSONContent } from '@tiptap/core';
import { openingStructure, type OpeningSection } from '../../shared/editor/openingStructure.js';
import {
  meetingDocumentName,
  meetingDocuments,
  type MeetingDocumentRef,
  type MeetingMember,
} from '../../shared/meetings/meetingDocuments.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import { type Meeting, type Meetings } from './Meetings.js';

/** The section the collective material opens with (上年度整改落实情况), if the meeting has one. */
export type LeadingSection = (meeting: Meeting) => Promise<OpeningSection | null>;

/**
 * Creates a meeting's documents as its people join it and writes each one's opening content
 * exactly once (the checking materials start from the meeting's outline), so every client
 * sees the same text and none is inserted twice.
 */
export class MeetingDocumentWriter {
  constructor(
    private readonly meetings: Meetings,
    private readonly documents: ServerDocuments,
    private readonly leadingSection: LeadingSection = () => Promise.resolve(null),
  ) {}

  async ensure(meeting: Meeting, members: readonly MeetingMember[]): Promise<void> {
    const existing = new Set(await this.meetings.documentNames(meeting.id));
    for (const ref of meetingDocuments(members)) {
      const name = meetingDocumentName(meeting.id, ref);
      if (existing.has(name) || !(await this.meetings.claimDocument(meeting.id, name))) continue;
      try {
        const leading = ref.kind === 'collective' ? await this.leadingSection(meeting) : null;
        const content = openingContent(ref, meeting.aspects, leading ? [leading] : []);
        if (content) await this.documents.append(name, content);
      } catch (err) {
        await this.meetings.releaseDocument(meeting.id, name);
        throw err;
      }
    }
  }
}

/** The checking materials start from the outline; the other documents start empty. */
function openingContent(
  ref: MeetingDocumentRef,
  aspects: readonly string[],
  leading: readonly OpeningSection[],
): JSONContent[] | null {
  return ref.kind === 'collective' || ref.kind === 'self'
    ? (openingStructure(aspects, leading).content ?? [])
    : null;
}
