import type { PeerMessage } from './Fanout.js';

/** Bytes that name the sending instance, so it can skip its own messages. */
export const INSTANCE_ID_BYTES = 16;

const KIND_UPDATE = 1;
const KIND_AWARENESS = 2;

// Layout: kind (1 byte), sender (16 bytes), for updates the row id (8 bytes), then the payload.
const HEADER = 1 + INSTANCE_ID_BYTES;
const ROW_ID_BYTES = 8;

export function encodePeerMessage(sender: Buffer, message: PeerMessage): Buffer {
  const rowBytes = message.kind === 'update' ? ROW_ID_BYTES : 0;
  const out = Buffer.allocUnsafe(HEADER + rowBytes + message.update.byteLength);
  out[0] = message.kind === 'update' ? KIND_UPDATE : KIND_AWARENESS;
  sender.copy(out, 1);
  if (message.kind === 'update') out.writeBigUInt64BE(BigInt(message.rowId), HEADER);
  out.set(message.update, HEADER + rowBytes);
  return out;
}

/** The sender and the message, or null for anything that is not one of ours. */
export function decodePeerMessage(data: Buffer): { sender: Buffer; message: PeerMessage } | null {
  if (data.byteLength < HEADER) return null;
  const sender = data.subarray(1, HEADER);
  if (data[0] === KIND_AWARENESS) {
    return { sender, message: { kind: 'awareness', update: data.subarray(HEADER) } };
  }
  if (data[0] !== KIND_UPDATE || data.byteLength < HEADER + ROW_ID_BYTES) return null;
  const rowId = Number(data.readBigUInt64BE(HEADER));
  const update = data.subarray(HEADER + ROW_ID_BYTES);
  return { sender, message: { kind: 'update', rowId, update } };
}
