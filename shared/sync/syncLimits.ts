/** Limits of the sync channel. The server takes these as defaults; tests may pass smaller ones. */
export const SyncLimits = {
  /** Largest single WebSocket message accepted, in bytes. */
  maxMessageBytes: 4 * 1024 * 1024,
  /** Largest awareness state of one client, in bytes of JSON. */
  maxAwarenessBytes: 64 * 1024,
  /**
   * Bytes of received updates a document holds while they wait for changes it never received
   * (Yjs's pending structs and deletions). A client's update is applied out of order only
   * briefly, e.g. typed before its sync handshake was answered.
   */
  maxPendingBytes: 64 * 1024,
  /**
   * Updates of one connection that add to those held waiting, or make Yjs rework them (each
   * such update costs time in proportion to all that is held).
   */
  maxPendingUpdates: 64,
  /** Sustained messages per second per connection... */
  messagesPerSecond: 200,
  /** ...with this many allowed in a burst (a reconnect replays many updates at once). */
  messageBurst: 2000,
  /** A connection whose unsent buffer passes this is closed as a slow consumer. */
  maxBufferedBytes: 16 * 1024 * 1024,
  /** Interval of WebSocket pings; a connection that missed the previous pong is dropped. */
  pingIntervalMs: 30_000,
  /** Longest document name, in characters. */
  maxDocumentNameLength: 200,
  /** Update-log rows of one document after which it is compacted into one row (each room adds up to half at random). */
  compactAfterUpdates: 500,
} as const;

export type SyncLimitValues = { -readonly [K in keyof typeof SyncLimits]: number };
