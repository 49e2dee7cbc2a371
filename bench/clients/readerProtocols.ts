import * as encoding from 'lib0/encoding';

/** What a thin reader sends and expects on one protocol; built once per room, reused per reader. */
export interface ReaderProtocol {
  url: string;
  /** Bytes that start every message of this document (hocuspocus: its name as a varstring). */
  prefix: Uint8Array;
  /** Sent as soon as the socket opens. */
  openFrames: Uint8Array[];
  /** The answer to the server's sync step 1: a sync step 2 with an empty update. */
  step2Reply: Uint8Array;
  /** Sent every KEEPALIVE_MS when the server drops sockets that never send (hocuspocus). */
  keepAliveFrame: Uint8Array | null;
}

export const KEEPALIVE_MS = 15_000;

// y-protocols framing: [messageSync=0, step1=0, varUint8Array(state vector)]; an empty state
// vector is the single byte 0. An empty update (no structs, empty delete set) is [0, 0].
const SYNC_STEP1_EMPTY = [0, 0, 1, 0];
const SYNC_STEP2_EMPTY = [0, 1, 2, 0, 0];
// Awareness message with an update of zero clients: a valid no-op the server does not broadcast.
const AWARENESS_EMPTY = [1, 1, 0];
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
/** Sent after the token by @hocuspocus/provider 4.8.0; the server treats it as optional. */
const HOCUSPOCUS_PROVIDER_VERSION = '4.8.0';

/** Stock y-websocket protocol (ours and @y/websocket-server): the URL names the document. */
export function yWebsocketReaderProtocol(url: string): ReaderProtocol {
  return {
    url,
    prefix: new Uint8Array(0),
    openFrames: [Uint8Array.from(SYNC_STEP1_EMPTY)],
    step2Reply: Uint8Array.from(SYNC_STEP2_EMPTY),
    keepAliveFrame: null,
  };
}

/**
 * Hocuspocus framing: every message starts with the document name, and the server queues
 * everything for a document until its Auth frame (name, Auth, Token, token, provider version).
 */
export function hocuspocusReaderProtocol(
  url: string,
  documentName: string,
  token: string,
): ReaderProtocol {
  const prefixed = (write: (e: encoding.Encoder) => void): Uint8Array => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, documentName);
    write(e);
    return encoding.toUint8Array(e);
  };
  const bytes = (list: number[]) => (e: encoding.Encoder) =>
    list.forEach((b) => encoding.writeUint8(e, b));
  const auth = prefixed((e) => {
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(e, token);
    encoding.writeVarString(e, HOCUSPOCUS_PROVIDER_VERSION);
  });
  return {
    url,
    prefix: prefixed(() => {}),
    openFrames: [auth, prefixed(bytes(SYNC_STEP1_EMPTY))],
    step2Reply: prefixed(bytes(SYNC_STEP2_EMPTY)),
    keepAliveFrame: prefixed(bytes(AWARENESS_EMPTY)),
  };
}
