import { getSchema } from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import { openingStructure } from '../../shared/editor/openingStructure.js';
import {
  meetingDocumentName,
  meetingDocuments,
  type MeetingDocumentRef,
  type MeetingMember,
} from '../../shared/meetings/meetingDocuments.js';
import { aspectsOf, type MeetingRow, type Meetings } from './Meetings.js';

/** Where server-written content goes: into the live document if it is open, else into storage. */
export interface DocumentSink {
  write(documentName: string, update: Uint8Array): Promise<void>;
}

/**
 * Creates a meeting's documents as its people join it and writes each one's opening content
 * exactly once (the checking materials start from the meeting's outline), so every client
 * sees the same text and none is inserted twice.
 */
export class MeetingDocumentWriter {
  private readonly schema: Schema = getSchema(documentExtensions());

  constructor(
    private readonly meetings: Meetings,
    private readonly sink: DocumentSink,
  ) {}

  async ensure(meeting: MeetingRow, members: readonly MeetingMember[]): Promise<void> {
    const existing = new Set(await this.meetings.documentNames(meeting.id));
    for (const ref of meetingDocuments(members)) {
      const name = meetingDocumentName(meeting.id, ref);
      if (existing.has(name) || !(await this.meetings.claimDocument(meeting.id, name))) continue;
      const content = openingContent(ref, aspectsOf(meeting));
      if (!content) continue;
      try {
        await this.sink.write(name, this.toUpdate(content));
      } catch (err) {
        await this.meetings.releaseDocument(meeting.id, name);
        throw err;
      }
    }
  }

  private toUpdate(content: JSONContent): Uint8Array {
    const doc = prosemirrorJSONToYDoc(this.schema, content, DOCUMENT_FIELD);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
}

/** The checking materials start from the outline; the other documents start empty. */
function openingContent(ref: MeetingDocumentRef, aspects: readonly string[]): JSONContent | null {
  return ref.kind === 'collective' || ref.kind === 'self' ? openingStructure(aspects) : null;
}
