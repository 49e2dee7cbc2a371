import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../shared/editor/documentExtensions.js';
import { syncStep1, syncUpdate } from './protocolMessages.js';
import { type RawSocket, waitFor } from './syncClients.js';

// Nested trees of blocks, as an editor writing them would send them, and how deep a copy is.

export type Container = Y.XmlFragment | Y.XmlElement;

/** The deepest nesting of elements in `doc`'s document field (its children at 1), iteratively. */
export function depthOf(doc: Y.Doc): number {
  let deepest = 0;
  const stack: [Container, number][] = [[doc.getXmlFragment(DOCUMENT_FIELD), 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Nests `levels` blockquotes in `parent`, text in the deepest; returns the deepest. */
export function nest(parent: Container, levels: number, text = '最深处'): Container {
  let inner = parent;
  // One transaction: Yjs tells the observers of every level above each change at its end.
  parent.doc!.transact(() => {
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      inner.insert(inner.length, [quote]);
      inner = quote;
    }
    inner.insert(0, [new Y.XmlText(text)]);
  });
  return inner;
}

/** A fresh client's update: `levels` nested blockquotes at the end of the document. */
export function treeUpdate(levels: number, text?: string): Uint8Array {
  const doc = new Y.Doc();
  nest(doc.getXmlFragment(DOCUMENT_FIELD), levels, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Sends `update`, then a step 1, and waits for that step 1's answer or the close. */
export async function send(socket: RawSocket, update: Uint8Array): Promise<boolean> {
  const replies = () => socket.messages.filter((m) => m[0] === 0 && m[1] === 1).length;
  const before = replies();
  socket.ws.send(syncUpdate(update));
  socket.ws.send(syncStep1());
  let closed = false;
  void socket.closed.then(() => (closed = true));
  await waitFor(() => closed || replies() > before, 'the update to be answered');
  return !closed;
}
