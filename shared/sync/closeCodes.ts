/**
 * WebSocket close codes used by the sync channel (`/yjs/<doc>`). Standard codes below 4000;
 * application codes mirror HTTP statuses. The stock y-websocket provider (3.1+) treats
 * 4400-4499 as permanent and stops reconnecting; 4500-4599 are transient and it retries.
 */
export const CloseCode = {
  normal: 1000,
  /** Server shutting down; the client should reconnect (to another instance). */
  goingAway: 1001,
  /** Invalid WebSocket framing (sent by the `ws` library itself). */
  protocolError: 1002,
  /** A single message over `SyncLimits.maxMessageBytes` (sent by the `ws` library itself). */
  messageTooBig: 1009,
  internalError: 1011,
  /**
   * The caller's rights on the document changed (the meeting closed or reopened, participants
   * changed): the client reconnects and is admitted again under the new rights.
   */
  accessChanged: 4205,
  /** The document name in the URL is not a valid document name. */
  badDocumentName: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownDocument: 4404,
  /** An awareness state larger than `SyncLimits.maxAwarenessBytes`. */
  awarenessTooLarge: 4413,
  /**
   * Updates waiting for changes the server never received passed `SyncLimits.maxPendingBytes`;
   * what the connection added to them is dropped (mirrors HTTP 424 Failed Dependency).
   */
  missingDependencies: 4424,
  /**
   * An update that would nest the document's blocks deeper than `MAX_DOCUMENT_DEPTH`: it is
   * neither applied, stored nor relayed (no HTTP status fits; 44xx: the client keeps the tree,
   * so a retry would be refused again).
   */
  documentTooDeep: 4414,
  /** A message that does not decode as the y-websocket protocol, or an invalid Yjs update. */
  malformedMessage: 4422,
  /** More messages than `SyncLimits.messagesPerSecond` allows (with its burst); retried later. */
  rateLimited: 4529,
  /** The client does not read fast enough: its unsent buffer passed `SyncLimits.maxBufferedBytes`. */
  slowConsumer: 4508,
  /** Storage cannot accept writes; the client keeps its edits and retries. */
  storageUnavailable: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];
