/**
 * The pure core of the sync monitor (syncMonitor.ts binds it to the provider and the browser).
 *
 * "Acknowledged" has one precise meaning here. The server answers a sync step 1 with a step 2
 * only once every update it received before that step 1 is durable (server/sync/Room.ts,
 * `afterDurable`), and a socket delivers in order. So after local changes have been sent, a
 * step 1 sent behind them (a probe) whose reply arrives proves that the server has stored them.
 * That holds for deletions too, which a state vector cannot show.
 *
 * Local changes are counted: `edits` made, `savedEdits` acknowledged by the server,
 * `storedEdits` committed to the browser's copy (IndexedDB).
 */

/** What is known about one document's way to the server and to this browser's copy. */
export interface SyncSnapshot {
  /**
   * The current socket finished its handshake: the server sent its state, the provider answered
   * with everything of ours the server lacked, and a probe behind that answer came back.
   */
  synced: boolean;
  /** `performance.now()` when the document stopped being synced (or the session began). */
  unsyncedSince: number | null;
  /** A socket has closed at least once: the next attempt is a reconnection. */
  hadSocketClose: boolean;
  /** Set when the server closed the connection for good (a 44xx code). */
  closeCode: number | null;
  /** Local changes (typed here, or kept from before a reload) not yet acknowledged. */
  unsaved: boolean;
  /** On the current socket, at least one probe acknowledged local changes. */
  savedOnThisConnection: boolean;
  /** Every local change is committed to this browser's IndexedDB copy. */
  keptLocally: boolean;
}

/** One socket's handshake and the probes sent on it. */
export interface SocketRound {
  /** Replies still owed to the provider's own step 1, which it sends as the socket opens. */
  providerReplies: number;
  /** For each probe not yet answered (oldest first): the local change count it covers. */
  probes: readonly number[];
  serverStateSeen: boolean;
  synced: boolean;
  savedSome: boolean;
}

export interface SyncState {
  edits: number;
  savedEdits: number;
  storedEdits: number;
  /** The open socket's round; null between sockets. */
  round: SocketRound | null;
  hadSocketClose: boolean;
  closeCode: number | null;
  unsyncedSince: number | null;
  /** A check that the copy committed the changes is under way (one at a time). */
  storeCheckPending: boolean;
}

export type SyncEvent =
  /** The provider's socket opened (status `connected`), before the provider's step 1 on it. */
  | { type: 'socketOpened'; at: number }
  /** A socket closed, including attempts that never opened. */
  | { type: 'socketClosed'; at: number }
  /** The server closed for good (44xx): the provider stops retrying. */
  | { type: 'closedForGood'; code: number }
  /** A sync step 1 from the server on the current socket (the provider has answered it). */
  | { type: 'serverStep1' }
  /** A sync step 2 from the server on the current socket. */
  | { type: 'serverStep2' }
  /** The probe asked for by `sendProbe` could not go out (the socket was no longer open). */
  | { type: 'probeUnsent' }
  /** A document update that came neither from the server nor from the local copy. */
  | { type: 'localEdit' }
  /**
   * The local copy finished loading; `heldUnsaved`: it holds changes the server may lack,
   * which count as one change already in the copy.
   */
  | { type: 'localCopyLoaded'; heldUnsaved: boolean }
  /** Sent after `settleEdit`: the provider and the copy have sent and stored the change. */
  | { type: 'editSettled' }
  /** The copy committed every change up to `covered`. */
  | { type: 'storeCheckDone'; covered: number }
  /** The check could not start (copy not open yet) or was aborted. */
  | { type: 'storeCheckFailed' };

export type SyncEffect =
  /** Send a sync step 1 on the current socket; answer `probeUnsent` if it is not open. */
  | { type: 'sendProbe' }
  /** Mark in the local copy whether it holds changes the server may lack (best effort). */
  | { type: 'writeUnsavedFlag'; unsaved: boolean }
  /** Confirm the copy committed the changes so far; answer `storeCheckDone` or `storeCheckFailed`. */
  | { type: 'checkStored'; covers: number }
  /** Answer `editSettled` once the other update handlers have run (a microtask later). */
  | { type: 'settleEdit' };

export interface SyncStep {
  state: SyncState;
  effects: SyncEffect[];
}

export function initialSyncState(now: number): SyncState {
  return {
    edits: 0,
    savedEdits: 0,
    storedEdits: 0,
    round: null,
    hadSocketClose: false,
    closeCode: null,
    unsyncedSince: now,
    storeCheckPending: false,
  };
}

export function snapshotOf(state: SyncState): SyncSnapshot {
  return {
    synced: state.round?.synced ?? false,
    unsyncedSince: state.unsyncedSince,
    hadSocketClose: state.hadSocketClose,
    closeCode: state.closeCode,
    unsaved: state.edits > state.savedEdits,
    savedOnThisConnection: state.round?.savedSome ?? false,
    keptLocally: state.storedEdits >= state.edits,
  };
}

export function sameSnapshot(a: SyncSnapshot, b: SyncSnapshot): boolean {
  return (Object.keys(a) as (keyof SyncSnapshot)[]).every((key) => a[key] === b[key]);
}

function freshRound(): SocketRound {
  return {
    providerReplies: 1,
    probes: [],
    serverStateSeen: false,
    synced: false,
    savedSome: false,
  };
}

export function syncTransition(state: SyncState, event: SyncEvent): SyncStep {
  switch (event.type) {
    case 'socketOpened':
      return {
        state: { ...endRound(state, event.at), closeCode: null, round: freshRound() },
        effects: [],
      };
    case 'socketClosed':
      return { state: { ...endRound(state, event.at), hadSocketClose: true }, effects: [] };
    case 'closedForGood':
      return { state: { ...state, closeCode: event.code }, effects: [] };
    case 'serverStep1':
      if (!state.round) return unchanged(state);
      return probe({ ...state, round: { ...state.round, serverStateSeen: true } }, []);
    case 'serverStep2':
      return onReply(state);
    case 'probeUnsent':
      if (!state.round) return unchanged(state);
      return unchanged({
        ...state,
        round: { ...state.round, probes: state.round.probes.slice(0, -1) },
      });
    case 'localEdit': {
      // The first change beyond what the server acknowledged marks the copy as holding some.
      const effects: SyncEffect[] =
        state.savedEdits >= state.edits ? [{ type: 'writeUnsavedFlag', unsaved: true }] : [];
      effects.push({ type: 'settleEdit' });
      return { state: { ...state, edits: state.edits + 1 }, effects };
    }
    case 'localCopyLoaded':
      if (!event.heldUnsaved) return checkStored(state, []);
      // Already in the copy: no flag to write; the check below confirms it at once.
      return checkStored({ ...state, edits: state.edits + 1 }, [{ type: 'settleEdit' }]);
    case 'editSettled': {
      const probed = probe(state, []);
      return checkStored(probed.state, probed.effects);
    }
    case 'storeCheckDone':
      return checkStored(
        {
          ...state,
          storeCheckPending: false,
          storedEdits: Math.max(state.storedEdits, event.covered),
        },
        [],
      );
    case 'storeCheckFailed':
      return unchanged({ ...state, storeCheckPending: false });
  }
}

function unchanged(state: SyncState): SyncStep {
  return { state, effects: [] };
}

function endRound(state: SyncState, at: number): SyncState {
  if (!state.round) return state;
  return { ...state, round: null, unsyncedSince: state.round.synced ? at : state.unsyncedSince };
}

function onReply(state: SyncState): SyncStep {
  const round = state.round;
  if (!round) return unchanged(state);
  if (round.providerReplies > 0) {
    return unchanged({ ...state, round: { ...round, providerReplies: round.providerReplies - 1 } });
  }
  const [covered, ...rest] = round.probes;
  if (covered === undefined) return unchanged(state);
  const savedMore = covered > state.savedEdits;
  const next: SyncState = {
    ...state,
    unsyncedSince: null,
    savedEdits: Math.max(state.savedEdits, covered),
    round: { ...round, probes: rest, synced: true, savedSome: round.savedSome || savedMore },
  };
  const effects: SyncEffect[] =
    savedMore && covered >= state.edits ? [{ type: 'writeUnsavedFlag', unsaved: false }] : [];
  // Changes made while this probe travelled need a probe of their own.
  return probe(next, effects);
}

/** Asks for a probe if the server's state has been seen, none is out, and one is needed. */
function probe(state: SyncState, effects: SyncEffect[]): SyncStep {
  const round = state.round;
  if (!round || !round.serverStateSeen || round.probes.length > 0) return { state, effects };
  if (round.synced && state.savedEdits >= state.edits) return { state, effects };
  return {
    state: { ...state, round: { ...round, probes: [state.edits] } },
    effects: [...effects, { type: 'sendProbe' }],
  };
}

/** Asks the copy to confirm the changes so far, unless it has or a check is under way. */
function checkStored(state: SyncState, effects: SyncEffect[]): SyncStep {
  if (state.storeCheckPending || state.storedEdits >= state.edits) return { state, effects };
  return {
    state: { ...state, storeCheckPending: true },
    effects: [...effects, { type: 'checkStored', covers: state.edits }],
  };
}
