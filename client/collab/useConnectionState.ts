import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncSnapshot } from './syncMachine.js';
import type { SyncMonitor } from './syncMonitor.js';
import { useBrowserOnline } from './useBrowserOnline.js';

/**
 * - `connecting` 正在连接: the first attempt of this page, for up to OFFLINE_AFTER_MS.
 * - `reconnecting` 正在重连: not synced after a socket closed, for up to OFFLINE_AFTER_MS.
 * - `offline` 离线：修改会在恢复连接后同步: not synced and the browser has no network, or not
 *   synced for OFFLINE_AFTER_MS; edits stay in the document and its local copy meanwhile.
 * - `saving` 正在保存: synced, with local changes the server has not yet acknowledged.
 * - `saved` 已保存: synced, and on this connection the server acknowledged local changes as
 *   stored, after the last of them (typed here, or kept locally from before a reload).
 * - `connected` 已连接: synced, nothing of ours had to be saved on this connection, and the
 *   server has answered everything sent. Also every synced state of a read-only document,
 *   whose writes the server drops.
 * - `disconnected` 已断开: the server refused the document for good (see `closeCode`).
 *
 * "Synced" and "acknowledged" are defined in syncMachine.ts.
 */
export type ConnectionPhase =
  'connecting' | 'reconnecting' | 'offline' | 'saving' | 'saved' | 'connected' | 'disconnected';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Set when the server closed the connection for good (a 44xx code); the provider stops retrying. */
  closeCode: number | null;
  /** Every local change is committed to this browser's copy (IndexedDB). */
  keptLocally: boolean;
}

/** How long a connection may be away before it counts as offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 5000;

function phaseOf(
  sync: SyncSnapshot,
  online: boolean,
  overdue: boolean,
  canWrite: boolean,
): ConnectionPhase {
  if (sync.closeCode !== null) return 'disconnected';
  if (!sync.synced) {
    if (!online || overdue) return 'offline';
    return sync.hadSocketClose ? 'reconnecting' : 'connecting';
  }
  if (!canWrite) return 'connected';
  if (sync.unsaved) return 'saving';
  return sync.savedOnThisConnection ? 'saved' : 'connected';
}

/** The document's connection state as a person should read it. */
export function useConnectionState(monitor: SyncMonitor, canWrite: boolean): ConnectionState {
  const sync = useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
  const online = useBrowserOnline();
  // The `unsyncedSince` whose grace time has run out: a later loss starts a new grace time.
  const [overdueSince, setOverdueSince] = useState<number | null>(null);
  const since = sync.unsyncedSince;

  useEffect(() => {
    if (since === null) return;
    const left = since + OFFLINE_AFTER_MS - performance.now();
    const timer = setTimeout(() => setOverdueSince(since), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [since]);

  const overdue = since !== null && overdueSince === since;
  return {
    phase: phaseOf(sync, online, overdue, canWrite),
    closeCode: sync.closeCode,
    keptLocally: sync.keptLocally,
  };
}
