import * as Y from 'yjs';

/** A type's depth: how many types contain it, itself included (a root's children are at 1). */
export type Depth = number;

/** How one step of resolving an item's parent depth ends: a depth, unknown, or another item. */
type Step = { depth: Depth | null } | { via: Y.Item; parent: boolean };

/** The depths of the types that a set of decoded items would create, computed without recursion. */
export class UpdateDepths {
  /** Per client, its decoded items in order of clock (each set is in that order). */
  private readonly byClient = new Map<number, Y.Item[][]>();
  /** The depth of each item's parent type; null: it will not be integrated now. */
  private readonly parentDepths = new Map<Y.Item, Depth | null>();
  /** Two decoded items of one id placed differently: which Yjs keeps is not checked, so refuse. */
  private conflict = false;

  constructor(
    private readonly store: Y.Doc['store'],
    private readonly sets: Y.Item[][],
    private readonly maxDepth: number,
  ) {
    for (const set of sets) {
      const runs = new Map<number, Y.Item[]>();
      for (const item of set) {
        const run = runs.get(item.id.client) ?? [];
        run.push(item);
        runs.set(item.id.client, run);
      }
      for (const [client, run] of runs) {
        // A hand-made update may list a client twice; the search needs them in order.
        run.sort((a, b) => a.id.clock - b.id.clock);
        this.byClient.set(client, [...(this.byClient.get(client) ?? []), run]);
      }
    }
  }

  tooDeep(): boolean {
    for (const set of this.sets) {
      for (const item of set) {
        if (!(item.content instanceof Y.ContentType)) continue;
        // Yjs skips what the document has already.
        if (item.id.clock < Y.getState(this.store, item.id.client)) continue;
        const parent = this.parentDepth(item);
        if (parent === null) continue;
        const limit = item.content.type instanceof Y.XmlElement ? this.maxDepth : this.maxDepth + 1;
        if (parent + 1 > limit) return true;
      }
    }
    return this.conflict;
  }

  /** The depth of the type `start` goes into, following its parent and neighbours, iteratively. */
  private parentDepth(start: Y.Item): Depth | null {
    const stack: Y.Item[] = [start];
    const onStack = new Set<Y.Item>([start]);
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      const step = this.step(item);
      let depth: Depth | null | undefined;
      if ('depth' in step) depth = step.depth;
      else if (this.parentDepths.has(step.via)) {
        const via = this.parentDepths.get(step.via)!;
        // The parent's own depth is one more than that of the type it is in.
        depth = via === null ? null : step.parent ? via + 1 : via;
      } else if (onStack.has(step.via)) {
        depth = null; // a cycle: nothing Yjs could integrate
      } else {
        stack.push(step.via);
        onStack.add(step.via);
        continue;
      }
      this.parentDepths.set(item, depth);
      stack.pop();
      onStack.delete(item);
    }
    return this.parentDepths.get(start) ?? null;
  }

  /** Where `item` goes, as Yjs decides it (`Item.getMissing`): left neighbour, right, parent. */
  private step(item: Y.Item): Step {
    if (this.parentDepths.has(item)) return { depth: this.parentDepths.get(item)! };
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour) {
      // The document's own struct first: Yjs ignores an update's copy of what it has.
      const known = this.known(neighbour);
      // Next to a collected struct, Yjs collects the item too.
      if (known)
        return { depth: known instanceof Y.Item ? typeDepth(known.parent, this.maxDepth) : null };
      const inUpdate = this.find(neighbour);
      return inUpdate ? { via: inUpdate, parent: false } : { depth: null };
    }
    const parent = item.parent;
    if (typeof parent === 'string') return { depth: 0 };
    if (!(parent instanceof Y.ID)) return { depth: null };
    const known = this.known(parent);
    if (known) {
      const content = known instanceof Y.Item ? known.content : null;
      return {
        depth: content instanceof Y.ContentType ? typeDepth(content.type, this.maxDepth) : null,
      };
    }
    const inUpdate = this.find(parent);
    return inUpdate?.content instanceof Y.ContentType
      ? { via: inUpdate, parent: true }
      : { depth: null };
  }

  /** The decoded item holding `id`, if any. */
  private find(id: Y.ID): Y.Item | null {
    let first: Y.Item | null = null;
    for (const run of this.byClient.get(id.client) ?? []) {
      const found = search(run, id.clock);
      if (!found) continue;
      if (first && !samePlace(first, found)) this.conflict = true;
      first ??= found;
    }
    return first;
  }

  /** The document's struct holding `id`, if the document has it. */
  private known(id: Y.ID): Y.Item | Y.GC | null {
    if (id.clock >= Y.getState(this.store, id.client)) return null;
    return Y.getItem(this.store, id) as Y.Item | Y.GC;
  }
}

function samePlace(a: Y.Item, b: Y.Item): boolean {
  const same = (x: Y.ID | string | null | unknown, y: Y.ID | string | null | unknown) =>
    x instanceof Y.ID && y instanceof Y.ID ? Y.compareIDs(x, y) : x === y;
  return (
    a.id.clock === b.id.clock &&
    same(a.origin, b.origin) &&
    same(a.rightOrigin, b.rightOrigin) &&
    same(a.parent, b.parent) &&
    a.content.constructor === b.content.constructor
  );
}

/** Binary search of items in order of clock for the one holding `clock`. */
function search(run: Y.Item[], clock: number): Y.Item | null {
  let low = 0;
  let high = run.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = run[mid]!;
    if (clock < item.id.clock) high = mid - 1;
    else if (clock >= item.id.clock + item.length) low = mid + 1;
    else return item;
  }
  return null;
}

/**
 * The depth of an integrated type; the walk stops past `maxDepth` + 2, which is too deep
 * whatever goes into it (a document stored before this check may hold deeper trees).
 */
function typeDepth(type: unknown, maxDepth: number): Depth | null {
  if (!(type instanceof Y.AbstractType)) return null;
  let depth = 0;
  for (let item = type._item; item && depth <= maxDepth + 2;) {
    depth++;
    const parent: unknown = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return depth;
}
