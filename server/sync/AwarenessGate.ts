import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import {
  awarenessColourSchema,
  awarenessStateSchema,
  type AwarenessState,
  type AwarenessUser,
} from '../../shared/sync/awarenessState.js';
import type { SyncConnection } from './SyncConnection.js';

/** What a connection's awareness update comes to once filtered. */
export type GateResult =
  { kind: 'apply'; update: Uint8Array } | { kind: 'nothing' } | { kind: 'tooLarge' };

interface Entry {
  clientId: number;
  clock: number;
  /** The state as UTF-8 JSON, decoded only for the entry kept. */
  json: Uint8Array;
}

const NULL_STATE = 'null';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Lets each connection speak for one awareness client only, as the signed-in user. A
 * connection's client id is the first one it sends a state for that nobody else holds (the
 * same user may take over their own with a newer state, e.g. a provider reconnecting before
 * its old socket was noticed dead). Entries for other ids are dropped without a word: the
 * stock provider sends back every state it hears, others' included. The kept state's `user`
 * is replaced by the session's name and id, with the client's colour if it is one.
 */
export class AwarenessGate {
  private readonly claims = new Map<SyncConnection, number>();

  constructor(
    private readonly awareness: Awareness,
    private readonly maxStateBytes: number,
  ) {}

  /** Forgets `conn`; returns the client id it still held, whose state should go. */
  release(conn: SyncConnection): number | undefined {
    const id = this.claims.get(conn);
    this.claims.delete(conn);
    return id;
  }

  /**
   * Filters an awareness update from `conn` down to its own client's newest entry; throws on
   * one that does not decode. Read as it goes: a message of a million empty entries makes no
   * million objects.
   */
  admit(conn: SyncConnection, update: Uint8Array): GateResult {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    let own = this.claims.get(conn);
    let kept: Entry | null = null;
    for (let i = 0; i < count; i++) {
      const entry: Entry = {
        clientId: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
        json: decoding.readVarUint8Array(decoder),
      };
      if (own === undefined && this.mayClaim(conn, entry)) {
        for (const [other, id] of this.claims) if (id === entry.clientId) this.claims.delete(other);
        this.claims.set(conn, entry.clientId);
        own = entry.clientId;
      }
      if (entry.clientId === own && (kept === null || entry.clock >= kept.clock)) kept = entry;
    }
    if (kept === null) return { kind: 'nothing' };
    // Checked before parsing, so an oversized state costs no more than reading it.
    if (kept.json.byteLength > this.maxStateBytes) return { kind: 'tooLarge' };
    const state = awarenessStateSchema.parse(JSON.parse(utf8.decode(kept.json)));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, kept.clientId);
    encoding.writeVarUint(encoder, kept.clock);
    encoding.writeVarString(encoder, JSON.stringify(stamp(state, conn)));
    return { kind: 'apply', update: encoding.toUint8Array(encoder) };
  }

  /** Whether `conn`, which speaks for no client yet, may take the one of `entry`. */
  private mayClaim(conn: SyncConnection, { clientId, clock, json }: Entry): boolean {
    if (isNull(json)) return false;
    const held = this.awareness.getStates().get(clientId);
    if (held === undefined) return true;
    // Only the same user may take over an id in use, and only with a newer state than the one
    // held: an echo of it (the same clock) from another tab of theirs is not that client.
    const userId = conn.principal.userId;
    const newer = clock > (this.awareness.meta.get(clientId)?.clock ?? -1);
    return userId !== null && userOf(held) === userId && newer;
  }
}

function isNull(json: Uint8Array): boolean {
  return json.byteLength === NULL_STATE.length && utf8.decode(json) === NULL_STATE;
}

/** The state with `user` from the session; an anonymous connection's state is left as it is. */
function stamp(state: AwarenessState, conn: SyncConnection): AwarenessState {
  const { userId, displayName } = conn.principal;
  if (state === null || userId === null) return state;
  const sent = state['user'];
  const colour = awarenessColourSchema.safeParse(
    typeof sent === 'object' && sent !== null ? (sent as Record<string, unknown>)['color'] : null,
  );
  const user: AwarenessUser = {
    name: displayName ?? userId,
    id: userId,
    ...(colour.success ? { color: colour.data } : {}),
  };
  return { ...state, user };
}

/** The user id the server stamped on a state it relays. */
function userOf(state: Record<string, unknown>): string | undefined {
  const user = state['user'];
  if (typeof user !== 'object' || user === null) return undefined;
  const id = (user as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : undefined;
}
