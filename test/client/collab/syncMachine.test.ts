import { describe, expect, it } from 'vitest';
import {
  initialSyncState,
  snapshotOf,
  syncTransition,
  type SyncEffect,
  type SyncEvent,
  type SyncState,
} from '../../../client/collab/syncMachine.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';

/** Runs the events in order; returns the final state and every effect asked for. */
function run(
  state: SyncState,
  ...events: SyncEvent[]
): { state: SyncState; effects: SyncEffect[] } {
  const effects: SyncEffect[] = [];
  for (const event of events) {
    const step = syncTransition(state, event);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const opened = (at = 10): SyncEvent => ({ type: 'socketOpened', at });
const closed = (at = 20): SyncEvent => ({ type: 'socketClosed', at });
const step1: SyncEvent = { type: 'serverStep1' };
const step2: SyncEvent = { type: 'serverStep2' };
const edit: SyncEvent = { type: 'localEdit' };
const settled: SyncEvent = { type: 'editSettled' };
const probe: SyncEffect = { type: 'sendProbe' };

/** A session whose socket finished its handshake with nothing of ours to save. */
function synced(): SyncState {
  return run(initialSyncState(0), opened(), step1, step2, step2).state;
}

describe('the sync state machine', () => {
  it('starts unsynced since the session began, with nothing unsaved', () => {
    expect(snapshotOf(initialSyncState(5))).toEqual({
      synced: false,
      unsyncedSince: 5,
      hadSocketClose: false,
      closeCode: null,
      unsaved: false,
      savedOnThisConnection: false,
      keptLocally: true,
    });
  });

  it('is synced once the server state came, the provider was answered and a probe came back', () => {
    const open = run(initialSyncState(0), opened());
    expect(open.state.round?.providerReplies).toBe(1);
    const seen = run(open.state, step1);
    expect(seen.effects).toEqual([probe]);
    const providerAnswered = run(seen.state, step2);
    expect(snapshotOf(providerAnswered.state).synced).toBe(false);
    const acked = run(providerAnswered.state, step2);
    expect(acked.effects).toEqual([]);
    expect(snapshotOf(acked.state)).toMatchObject({
      synced: true,
      unsyncedSince: null,
      savedOnThisConnection: false,
    });
  });

  it('ignores server messages between sockets, and replies nobody waits for', () => {
    const idle = initialSyncState(0);
    expect(run(idle, step1, step2)).toEqual({ state: idle, effects: [] });
    const state = synced();
    expect(run(state, step2)).toEqual({ state, effects: [] });
  });

  it('marks the copy as holding unsaved changes at the first edit beyond the acknowledged', () => {
    const first = run(synced(), edit);
    expect(first.effects).toEqual([
      { type: 'writeUnsavedFlag', unsaved: true },
      { type: 'settleEdit' },
    ]);
    expect(snapshotOf(first.state)).toMatchObject({ unsaved: true, keptLocally: false });
    expect(run(first.state, edit).effects).toEqual([{ type: 'settleEdit' }]);
  });

  it('probes and checks the copy once an edit settled, and saves on the reply', () => {
    const settledEdit = run(synced(), edit, settled);
    expect(settledEdit.effects.slice(2)).toEqual([probe, { type: 'checkStored', covers: 1 }]);
    const acked = run(settledEdit.state, step2);
    expect(acked.effects).toEqual([{ type: 'writeUnsavedFlag', unsaved: false }]);
    expect(snapshotOf(acked.state)).toMatchObject({ unsaved: false, savedOnThisConnection: true });
  });

  it('sends one probe at a time, and another for edits made while one travelled', () => {
    const out = run(synced(), edit, settled).state;
    const more = run(out, edit, settled);
    expect(more.effects).not.toContainEqual(probe);
    const acked = run(more.state, step2);
    // The reply covers the first edit only: still unsaved, so no flag cleared, and a new probe.
    expect(acked.effects).toEqual([probe]);
    expect(snapshotOf(acked.state)).toMatchObject({ unsaved: true, savedOnThisConnection: true });
    const all = run(acked.state, step2);
    expect(all.effects).toEqual([{ type: 'writeUnsavedFlag', unsaved: false }]);
    expect(snapshotOf(all.state).unsaved).toBe(false);
  });

  it('asks again after a probe that could not go out', () => {
    const out = run(synced(), edit, settled).state;
    const unsent = run(out, { type: 'probeUnsent' }).state;
    expect(unsent.round?.probes).toEqual([]);
    expect(run(unsent, settled).effects).toContainEqual(probe);
  });

  it('does not probe before the server state came on this socket', () => {
    const state = run(initialSyncState(0), opened(), edit, settled);
    expect(state.effects).not.toContainEqual(probe);
    expect(run(state.state, step1).effects).toEqual([probe]);
  });

  it('counts a closed socket as unsynced from the moment of closing', () => {
    const after = run(synced(), closed(42)).state;
    expect(after.round).toBeNull();
    expect(snapshotOf(after)).toMatchObject({
      synced: false,
      unsyncedSince: 42,
      hadSocketClose: true,
    });
  });

  it('keeps the first moment of being unsynced across attempts that never synced', () => {
    const state = run(initialSyncState(3), opened(5), closed(6), opened(7), closed(8)).state;
    expect(snapshotOf(state)).toMatchObject({ unsyncedSince: 3, hadSocketClose: true });
  });

  it('ends the previous round when a socket opens without the last one closing', () => {
    const state = run(synced(), opened(50)).state;
    expect(snapshotOf(state)).toMatchObject({ synced: false, unsyncedSince: 50 });
    expect(state.hadSocketClose).toBe(false);
  });

  it('carries unsaved edits to the next socket, which probes for them', () => {
    const offline = run(synced(), closed(), edit, settled);
    expect(offline.effects).not.toContainEqual(probe);
    const back = run(offline.state, opened(30), step1);
    expect(back.effects).toEqual([probe]);
    const saved = run(back.state, step2, step2);
    expect(snapshotOf(saved.state)).toMatchObject({
      synced: true,
      unsaved: false,
      savedOnThisConnection: true,
    });
  });

  it('forgets on a new socket that the last one saved something', () => {
    const saved = run(synced(), edit, settled, step2).state;
    expect(snapshotOf(saved).savedOnThisConnection).toBe(true);
    const next = run(saved, closed(), opened(), step1, step2);
    expect(next.effects).toEqual([probe]);
    expect(snapshotOf(run(next.state, step2).state)).toMatchObject({
      synced: true,
      savedOnThisConnection: false,
    });
  });

  it('keeps a refusal for good until a socket opens again', () => {
    const refused = run(synced(), closed(), { type: 'closedForGood', code: CloseCode.forbidden });
    expect(snapshotOf(refused.state).closeCode).toBe(CloseCode.forbidden);
    expect(snapshotOf(run(refused.state, opened()).state).closeCode).toBeNull();
  });

  it('confirms the copy one check at a time, and checks again for later edits', () => {
    const first = run(initialSyncState(0), edit, settled);
    expect(first.effects).toContainEqual({ type: 'checkStored', covers: 1 });
    const meanwhile = run(first.state, edit, settled);
    expect(meanwhile.effects.filter((e) => e.type === 'checkStored')).toEqual([]);
    const done = run(meanwhile.state, { type: 'storeCheckDone', covered: 1 });
    expect(done.effects).toEqual([{ type: 'checkStored', covers: 2 }]);
    expect(snapshotOf(done.state).keptLocally).toBe(false);
    const all = run(done.state, { type: 'storeCheckDone', covered: 2 });
    expect(all.effects).toEqual([]);
    expect(snapshotOf(all.state).keptLocally).toBe(true);
  });

  it('lets a failed check go, and checks again at the next edit', () => {
    const failed = run(initialSyncState(0), edit, settled, { type: 'storeCheckFailed' });
    expect(failed.state.storeCheckPending).toBe(false);
    expect(snapshotOf(failed.state).keptLocally).toBe(false);
    expect(run(failed.state, edit, settled).effects).toContainEqual({
      type: 'checkStored',
      covers: 2,
    });
  });

  it('counts changes the copy kept from before a reload as one unsaved edit already stored', () => {
    const loaded = run(initialSyncState(0), { type: 'localCopyLoaded', heldUnsaved: true });
    expect(loaded.effects).toEqual([{ type: 'settleEdit' }, { type: 'checkStored', covers: 1 }]);
    expect(snapshotOf(loaded.state)).toMatchObject({ unsaved: true, keptLocally: false });
    const stored = run(loaded.state, { type: 'storeCheckDone', covered: 1 }).state;
    expect(snapshotOf(stored).keptLocally).toBe(true);
    const saved = run(stored, opened(), step1, step2, step2);
    expect(saved.effects).toEqual([probe, { type: 'writeUnsavedFlag', unsaved: false }]);
    expect(snapshotOf(saved.state)).toMatchObject({ unsaved: false, savedOnThisConnection: true });
  });

  it('checks the copy when it loaded after edits were made, and not when nothing is owed', () => {
    const clean = run(initialSyncState(0), { type: 'localCopyLoaded', heldUnsaved: false });
    expect(clean.effects).toEqual([]);
    const unopened = run(initialSyncState(0), edit, settled, { type: 'storeCheckFailed' });
    const loaded = run(unopened.state, { type: 'localCopyLoaded', heldUnsaved: false });
    expect(loaded.effects).toEqual([{ type: 'checkStored', covers: 1 }]);
  });
});
