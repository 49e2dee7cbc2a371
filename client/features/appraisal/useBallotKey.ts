import { useCallback, useState } from 'react';
import { ballotKeySchema } from '../../../shared/appraisal/appraisalSchemas.js';

export interface BallotKey {
  /** The key this browser keeps for the meeting and user; null until the first ballot. */
  key: string | null;
  /** The key to send: the kept one, or a new one that is kept from now on. */
  obtain(): string;
}

/** 32 random bytes, base64url without padding: 43 characters. */
export function newBallotKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const binary = String.fromCharCode(...bytes);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const storageName = (meetingId: number, userId: number) =>
  `shenghuohui.ballotKey.m${meetingId}.u${userId}`;

function readKey(meetingId: number, userId: number): string | null {
  try {
    const kept = localStorage.getItem(storageName(meetingId, userId));
    return kept !== null && ballotKeySchema.safeParse(kept).success ? kept : null;
  } catch {
    // Storage disabled by policy.
    return null;
  }
}

function keepKey(meetingId: number, userId: number, key: string): void {
  try {
    localStorage.setItem(storageName(meetingId, userId), key);
  } catch {
    // Without storage the key lasts as long as the page: a reload cannot change the ballot.
  }
}

/**
 * The voter's secret for the meeting's ballot, made once per meeting and user and kept in
 * this browser's localStorage: a reload, or a later change of the ballot, sends the same key,
 * which is how the server knows the ballot without knowing whose it is.
 */
export function useBallotKey(meetingId: number, userId: number): BallotKey {
  const [key, setKey] = useState(() => readKey(meetingId, userId));
  const obtain = useCallback(() => {
    const existing = readKey(meetingId, userId) ?? key;
    if (existing !== null) return existing;
    const made = newBallotKey();
    keepKey(meetingId, userId, made);
    setKey(made);
    return made;
  }, [meetingId, userId, key]);
  return { key, obtain };
}
