import type { MeetingDocumentView } from '../../../shared/meetings/meetingSchemas.js';

/** The document list's groups, in the order of the meeting's work. */
export type DocumentGroupKind =
  'collective' | 'mySelf' | 'otherSelf' | 'critique' | 'minutes' | 'myNotes';

export interface DocumentGroup {
  kind: DocumentGroupKind;
  documents: MeetingDocumentView[];
}

const ORDER: readonly DocumentGroupKind[] = [
  'collective',
  'mySelf',
  'otherSelf',
  'critique',
  'minutes',
  'myNotes',
];

function groupOf(doc: MeetingDocumentView, userId: number): DocumentGroupKind | null {
  switch (doc.kind) {
    case 'collective':
      return 'collective';
    case 'self':
      return doc.ownerId === userId ? 'mySelf' : 'otherSelf';
    case 'critique':
      return 'critique';
    case 'minutes':
      return 'minutes';
    case 'notes':
      // Of the notes, only one's own (the server lists no one else's anyway).
      return doc.ownerId === userId ? 'myNotes' : null;
  }
}

/**
 * The documents the caller may read: 班子/支部材料, 我的对照检查材料, the other members'
 * materials, 相互批评意见 per member (the criticisms of me first), 会议记录, 我的笔记.
 */
export function groupDocuments(
  documents: readonly MeetingDocumentView[],
  userId: number,
): DocumentGroup[] {
  return ORDER.map((kind) => {
    const ofKind = documents.filter((doc) => groupOf(doc, userId) === kind);
    // A stable sort: the server's order stays among the others.
    const sorted = [...ofKind].sort(
      (a, b) => Number(b.ownerId === userId) - Number(a.ownerId === userId),
    );
    return { kind, documents: sorted };
  }).filter((group) => group.documents.length > 0);
}
