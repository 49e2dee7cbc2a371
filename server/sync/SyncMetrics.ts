/** What the sync server reports for `/metrics`; the default records nothing. */
export interface SyncMetrics {
  /** An update was stored, `seconds` after it arrived, and sent on to `recipients` connections. */
  updateStored(seconds: number, recipients: number): void;
  /** Storage refused an update. */
  storeFailed(): void;
}

export const noSyncMetrics: SyncMetrics = Object.freeze({
  updateStored: () => undefined,
  storeFailed: () => undefined,
});
