import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/sync/messageType.js';

// Client-side y-websocket messages, for tests that speak the protocol by hand.

export function syncStep1(doc: Y.Doc = new Y.Doc()): Uint8Array {
  return frame(MessageType.sync, SyncMessageType.step1, Y.encodeStateVector(doc));
}

export function syncUpdate(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, SyncMessageType.update, update);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** One Y.Text insert by a fresh client, as an update. */
export function textInsertUpdate(text: string, field = 'text'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(field).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function frame(type: number, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
