import * as Y from 'yjs';

type Container = Y.XmlFragment | Y.XmlElement;

/**
 * Iterative walks over a Yjs XML tree that no depth can overflow: whatever lies below
 * `maxDepth` (the fragment's children are at depth 1) becomes one paragraph of its text.
 */

/** Whether an element at `maxDepth` has elements inside it. */
export function exceedsDepth(root: Y.XmlFragment, maxDepth: number): boolean {
  return tooDeep(root, maxDepth).length > 0;
}

/** The elements at `maxDepth` that hold elements, in no particular order. */
function tooDeep(root: Y.XmlFragment, maxDepth: number): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const stack: [Container, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (depth + 1 < maxDepth) stack.push([child, depth + 1]);
      else if (child.toArray().some((c) => c instanceof Y.XmlElement)) found.push(child);
    }
  }
  return found;
}

/** The characters of every text inside `root`, in document order, a space between texts. */
export function textInside(root: Container): string {
  const parts: string[] = [];
  const stack: (Container | Y.XmlText)[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) {
      const text = (node.toDelta() as { insert: unknown }[])
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      if (text !== '') parts.push(text);
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
    }
  }
  return parts.join(' ');
}

function paragraphOf(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  if (text !== '') paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/**
 * A copy of `root` in a document of its own, down to `maxDepth`; an element there that holds
 * elements is copied as a paragraph of its text. Formatting and attributes are kept.
 */
export function boundedCopy(root: Y.XmlFragment, maxDepth: number): Y.XmlFragment {
  const doc = new Y.Doc();
  const target = doc.getXmlFragment('copy');
  doc.transact(() => {
    const stack: [Container, Container, number][] = [[root, target, 0]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [from, to, depth] = next;
      const copies: (Y.XmlElement | Y.XmlText)[] = [];
      const below: [Container, Container, number][] = [];
      for (const child of from.toArray()) {
        if (child instanceof Y.XmlText) {
          const text = new Y.XmlText();
          text.applyDelta(
            (child.toDelta() as { insert: unknown }[]).filter(
              (op) => !(op.insert instanceof Y.AbstractType),
            ),
          );
          copies.push(text);
        } else if (child instanceof Y.XmlElement) {
          const flatten =
            depth + 1 >= maxDepth && child.toArray().some((c) => c instanceof Y.XmlElement);
          if (flatten) {
            copies.push(paragraphOf(textInside(child)));
            continue;
          }
          const element = new Y.XmlElement(child.nodeName);
          for (const [key, value] of Object.entries(child.getAttributes())) {
            element.setAttribute(key, value as string);
          }
          copies.push(element);
          below.push([child, element, depth + 1]);
        }
      }
      to.insert(0, copies);
      stack.push(...below);
    }
  });
  return target;
}

/**
 * Makes the live `root` no deeper than `maxDepth`, in the transaction under way: each element
 * there that holds elements is replaced by a paragraph of its text. Yjs deletes and collects a
 * type's children recursively, so what lies below is deleted and collected from the deepest
 * up, each step one level deep. Whether anything changed: the update log then holds the
 * deletion, which a fresh document replaying it would apply top-down, so the caller compacts.
 */
export function flattenTooDeep(root: Y.XmlFragment, maxDepth: number): boolean {
  const doc = root.doc;
  const found = tooDeep(root, maxDepth);
  if (doc === null || found.length === 0) return false;
  for (const element of found) {
    const text = textInside(element);
    // Containers in document order from the top: reversed, every one comes after all below it.
    const containers: Container[] = [];
    const stack: Container[] = [element];
    for (let node = stack.pop(); node; node = stack.pop()) {
      containers.push(node);
      for (const child of node.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
    }
    for (let i = containers.length - 1; i >= 0; i--) emptyOut(doc, containers[i]!);
    const parent = element.parent as Container;
    const index = parent.toArray().indexOf(element);
    emptyOutAt(doc, parent, index);
    parent.insert(index, [paragraphOf(text)]);
  }
  return true;
}

/** Deletes the children of `node` (whose own children are gone already) and collects them. */
function emptyOut(doc: Y.Doc, node: Container): void {
  const items = node.toArray().map((child) => child._item);
  if (items.length === 0) return;
  node.delete(0, node.length);
  collect(doc, items);
}

function emptyOutAt(doc: Y.Doc, parent: Container, index: number): void {
  const item = (parent.get(index) as Y.XmlElement)._item;
  parent.delete(index, 1);
  collect(doc, [item]);
}

/** Garbage-collects deleted items now, deepest first, so no collection recurses far. */
function collect(doc: Y.Doc, items: (Y.Item | null)[]): void {
  if (!doc.gc) return;
  for (const item of items) {
    if (item?.deleted && !item.keep && doc.gcFilter(item)) item.gc(doc.store, false);
  }
}
