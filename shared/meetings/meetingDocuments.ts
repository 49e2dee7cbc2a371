import type { MeetingDocumentKind, MeetingKind, MeetingRole } from './meetingSchemas.js';

/** One of a meeting's documents, without the meeting. */
export interface MeetingDocumentRef {
  kind: MeetingDocumentKind;
  /** The member a self, critique or notes document belongs to; null otherwise. */
  ownerId: number | null;
}

export interface ParsedMeetingDocument extends MeetingDocumentRef {
  meetingId: number;
}

const OWNED = new Set<MeetingDocumentKind>(['self', 'critique', 'notes']);
const NAME_PATTERN =
  /^m\/([1-9][0-9]{0,14})\/(collective|minutes|self|critique|notes)(?:\/([1-9][0-9]{0,14}))?$/;

/** `m/<meetingId>/<document>`, the name on the wire. */
export function meetingDocumentName(meetingId: number, doc: MeetingDocumentRef): string {
  return doc.ownerId === null
    ? `m/${meetingId}/${doc.kind}`
    : `m/${meetingId}/${doc.kind}/${doc.ownerId}`;
}

/** The meeting document a name stands for, or null if it names none. */
export function parseMeetingDocumentName(name: string): ParsedMeetingDocument | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const kind = match[2] as MeetingDocumentKind;
  const owner = match[3];
  if (OWNED.has(kind) !== (owner !== undefined)) return null;
  return { meetingId: Number(match[1]), kind, ownerId: owner === undefined ? null : Number(owner) };
}

/** Everyone in a meeting, with their roles there. */
export interface MeetingMember {
  userId: number;
  roles: readonly MeetingRole[];
}

/**
 * The documents a meeting has, in display order: the collective material and the minutes,
 * then each participant's own material and the criticisms of them, then everyone's notes.
 */
export function meetingDocuments(members: readonly MeetingMember[]): MeetingDocumentRef[] {
  const participants = members.filter((m) => m.roles.includes('participant'));
  return [
    { kind: 'collective', ownerId: null },
    { kind: 'minutes', ownerId: null },
    ...participants.map((m) => ({ kind: 'self' as const, ownerId: m.userId })),
    ...participants.map((m) => ({ kind: 'critique' as const, ownerId: m.userId })),
    ...members.map((m) => ({ kind: 'notes' as const, ownerId: m.userId })),
  ];
}

/** Whether the meeting has this document, given who is in it. */
export function hasDocument(members: readonly MeetingMember[], doc: MeetingDocumentRef): boolean {
  if (doc.ownerId === null) return true;
  const owner = members.find((m) => m.userId === doc.ownerId);
  if (!owner) return false;
  return doc.kind === 'notes' || owner.roles.includes('participant');
}

/** The document's Chinese title, as documents are named in the materials filed upward. */
export function documentTitle(
  meetingKind: MeetingKind,
  doc: MeetingDocumentRef,
  ownerName: string | null,
): string {
  const owner = ownerName ? `（${ownerName}）` : '';
  switch (doc.kind) {
    case 'collective':
      return meetingKind === 'democratic-life' ? '班子对照检查材料' : '支部对照检查材料';
    case 'minutes':
      return '会议记录';
    case 'self':
      return `个人对照检查材料${owner}`;
    case 'critique':
      return `相互批评意见${owner}`;
    case 'notes':
      return `个人笔记${owner}`;
  }
}
