import type { MeetingKind, MeetingRole } from '../meetings/meetingSchemas.js';
import type { AttendanceStatus, HandPurpose, PhaseKind, SpeechKind } from './moderationSchemas.js';

/** Someone in the meeting as the moderation state knows them. */
export interface RosterEntry {
  userId: number;
  roles: MeetingRole[];
  /** The branch secretary speaks first in the criticism round. */
  isSecretary: boolean;
}

export interface Phase {
  id: string;
  title: string;
  kind: PhaseKind;
  /** Text the phase carries for the host (the 通报 phase's report on last year's items); optional. */
  notes?: string;
}

/** A speech in a phase's speaking order, not yet given. */
export interface PlannedSpeech {
  id: string;
  speakerId: number;
  kind: SpeechKind;
  /** Whom it is about (a criticism's subject), else null. */
  subjectId: number | null;
}

/** The speech being given. Times are server epoch ms. */
export interface CurrentSpeech extends PlannedSpeech {
  phaseId: string;
  startedAt: number;
  limitSeconds: number;
  /** When it was paused, while it is; else null. */
  pausedAt: number | null;
  /** Paused time before `pausedAt`, in ms. */
  pausedMs: number;
}

/** A speech that was given: the backbone of the minutes. */
export interface SpeechRecord extends PlannedSpeech {
  phaseId: string;
  startedAt: number;
  endedAt: number;
  /** Speaking time without pauses, ms. */
  durationMs: number;
  limitSeconds: number;
  overtimeMs: number;
}

export interface Hand {
  userId: number;
  purpose: HandPurpose;
  /** For a criticism: about whom (null: the current subject). */
  subjectId: number | null;
  raisedAt: number;
}

export interface AttendanceEntry {
  status: AttendanceStatus;
  reason: string;
  /** When they signed in themselves, else null. */
  signedInAt: number | null;
}

export interface MeetingState {
  /** Grows by one with every applied command. */
  version: number;
  kind: MeetingKind;
  roster: RosterEntry[];
  /** The host's order of participants for the criticism round (the secretary goes first anyway). */
  speakerOrder: number[];
  phases: Phase[];
  currentPhaseId: string | null;
  /** Each phase's remaining speaking order, by phase id; generated when the phase first starts. */
  queues: Record<string, PlannedSpeech[]>;
  current: CurrentSpeech | null;
  log: SpeechRecord[];
  hands: Hand[];
  /** By user id. */
  attendance: Record<string, AttendanceEntry>;
  /** Default speaking time per kind, seconds. */
  limits: Record<SpeechKind, number>;
  /** For ids of phases and speeches, so that replaying the log gives the same ids. */
  nextId: number;
}

/** 应到 / 实到, and whether at least two thirds are present (the meeting may only go ahead then). */
export interface Quorum {
  expected: number;
  present: number;
  enough: boolean;
}

/** Participants are who is expected (应到); those marked present, or signed in, are there (实到). */
export function quorum(state: MeetingState): Quorum {
  const expected = state.roster.filter((r) => r.roles.includes('participant'));
  const present = expected.filter((r) => state.attendance[r.userId]?.status === 'present').length;
  return { expected: expected.length, present, enough: present * 3 >= expected.length * 2 };
}

/** How long the current speech has run at `now`, without its pauses. */
export function speechElapsedMs(speech: CurrentSpeech, now: number): number {
  const pausedNow = speech.pausedAt === null ? 0 : now - speech.pausedAt;
  return Math.max(0, now - speech.startedAt - speech.pausedMs - pausedNow);
}

/** Milliseconds left of the speech's limit at `now`; negative is overtime. */
export function speechRemainingMs(speech: CurrentSpeech, now: number): number {
  return speech.limitSeconds * 1000 - speechElapsedMs(speech, now);
}
