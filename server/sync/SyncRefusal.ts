import type { CloseCodeValue } from '../../shared/sync/closeCodes.js';

/** Thrown by a hook to refuse a connection; the socket is closed with `code`. */
export class SyncRefusal extends Error {
  constructor(
    readonly code: CloseCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'SyncRefusal';
  }
}
