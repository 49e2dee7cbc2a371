import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../shared/editor/documentExtensions.js';

/** The two ends of a text link: base64 of `Y.encodeRelativePosition`. */
export interface AnchorPositions {
  start: string;
  end: string;
}

/** Decodes a position, or null if the bytes are not one. */
export function decodePosition(base64: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
}

/**
 * The text between the anchor's two positions in the document whose whole Yjs state is
 * `state`, as it reads now; paragraphs are joined by a line break. Null when a position no
 * longer resolves (its paragraph was deleted) or the state is not a document's.
 */
export function resolveAnchor(state: Uint8Array, anchor: AnchorPositions): string | null {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!start || !end) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
    const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
    if (!from || !to) return null;
    return textBetween(doc.getXmlFragment(DOCUMENT_FIELD), from, to);
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

type Node = Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Walks the tree in document order, collecting text from `from` until `to`. */
function textBetween(
  root: Y.XmlFragment,
  from: Y.AbsolutePosition,
  to: Y.AbsolutePosition,
): string | null {
  const walk = { on: false, started: false, done: false, out: '' };
  const mark = (type: unknown, index: number): void => {
    if (type === from.type && index === from.index && !walk.started) {
      walk.on = walk.started = true;
    }
    // An end before the start (or on it) gives the empty text.
    if (type === to.type && index === to.index) walk.done = true;
  };
  // An explicit stack, not recursion: a synced tree may be thousands of blocks deep.
  const stack: { node: Y.XmlFragment | Y.XmlElement; children: Node[]; i: number }[] = [];
  const enter = (node: Node): void => {
    if (node instanceof Y.XmlText) {
      const text = plainText(node);
      let begin = 0;
      if (node === from.type && !walk.started) {
        walk.on = walk.started = true;
        begin = from.index;
      }
      const stop = node === to.type ? to.index : null;
      if (walk.on) walk.out += text.slice(begin, stop === null ? undefined : Math.max(stop, begin));
      if (stop !== null) walk.done = true;
      return;
    }
    if (node instanceof Y.XmlHook) return;
    stack.push({ node, children: node.toArray() as Node[], i: 0 });
  };
  enter(root);
  while (stack.length > 0 && !walk.done) {
    const frame = stack[stack.length - 1]!;
    if (frame.i > frame.children.length) {
      stack.pop();
      continue;
    }
    const i = frame.i++;
    mark(frame.node, i);
    const child = frame.children[i];
    if (child === undefined || walk.done) continue;
    // A new block while collecting: the paragraphs' texts go on separate lines.
    if (child instanceof Y.XmlElement && walk.on && walk.out !== '' && !walk.out.endsWith('\n')) {
      walk.out += '\n';
    }
    enter(child);
  }
  if (!walk.started || !walk.done) return null;
  return walk.out.replace(/\n+$/, '');
}

/** A text node's characters without its formatting (bold and the like are attributes). */
function plainText(node: Y.XmlText): string {
  return (node.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
