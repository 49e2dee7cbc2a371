import type {
  MeetingDocumentKind,
  MeetingDocumentView,
} from '../../../shared/meetings/meetingSchemas.js';

export interface DocumentGroup {
  kind: MeetingDocumentKind;
  documents: MeetingDocumentView[];
}

const ORDER: readonly MeetingDocumentKind[] = [
  'collective',
  'minutes',
  'self',
  'critique',
  'notes',
];

/**
 * The documents the caller may read, by kind in the order of the meeting's work: one's own
 * material first among the personal ones, and of the notes only one's own.
 */
export function groupDocuments(
  documents: readonly MeetingDocumentView[],
  userId: number,
): DocumentGroup[] {
  return ORDER.map((kind) => {
    const ofKind = documents.filter(
      (doc) => doc.kind === kind && (kind !== 'notes' || doc.ownerId === userId),
    );
    // A stable sort: the server's order stays among the others.
    const sorted = [...ofKind].sort(
      (a, b) => Number(b.ownerId === userId) - Number(a.ownerId === userId),
    );
    return { kind, documents: sorted };
  }).filter((group) => group.documents.length > 0);
}
