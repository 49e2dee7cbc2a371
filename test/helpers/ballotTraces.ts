import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One stored state of a round as found in raw bytes: who had voted, and the ballots. */
interface RoundImage {
  voted: number[];
  ballots: Map<string, string>;
}

/** What an operator holding the files can reconstruct about the ballots. */
export interface BallotTraces {
  /** Voter id → the grades of the ballot they cast, from diffing successive row images. */
  links: Map<number, string>;
  /** Ballot key hashes (sha256 hex of the voters' keys) found anywhere in the bytes. */
  keysFound: string[];
  /** Files (or log) whose bytes hold anything of a ballot. */
  filesWithBallots: string[];
}

// The SQLite record of an `appraisal_rounds` row stores its text columns back to back: the
// `voted` list is immediately followed by the `ballots` list.
const IMAGE = /(\[[0-9,]*\])(\[(?:\{"key":"[0-9a-f]{64}","grades":\{[^{}]*\}\},?)*\])/g;

function imagesIn(text: string): RoundImage[] {
  const images: RoundImage[] = [];
  for (const match of text.matchAll(IMAGE)) {
    try {
      const voted = JSON.parse(match[1]!) as number[];
      const list = JSON.parse(match[2]!) as Array<{ key: string; grades: object }>;
      images.push({
        voted,
        ballots: new Map(list.map((b) => [b.key, JSON.stringify(b.grades)])),
      });
    } catch {
      // A torn image (cut by a page boundary): not evidence either way.
    }
  }
  return images;
}

/**
 * Links each voter to a ballot wherever two stored states differ by exactly one voter and one
 * ballot, as successive versions of the row in a write-ahead log do.
 */
function linksFrom(images: RoundImage[]): Map<number, string> {
  const links = new Map<number, string>();
  const states = [{ voted: [], ballots: new Map<string, string>() }, ...images];
  for (const before of states) {
    for (const after of states) {
      const newVoters = after.voted.filter((v) => !before.voted.includes(v));
      const newKeys = [...after.ballots.keys()].filter((k) => !before.ballots.has(k));
      const sameRest =
        before.voted.every((v) => after.voted.includes(v)) &&
        [...before.ballots.keys()].every((k) => after.ballots.has(k));
      if (sameRest && newVoters.length === 1 && newKeys.length === 1) {
        links.set(newVoters[0]!, after.ballots.get(newKeys[0]!)!);
      }
    }
  }
  return links;
}

/** The SQLite files (.sqlite, -wal, -shm) in a data dir, with their bytes. */
export function sqliteFiles(dataDir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('shenghuohui.sqlite'))
    .map((name) => path.join(dataDir, name))
    .filter((file) => existsSync(file))
    .map((file) => ({ name: path.basename(file), bytes: readFileSync(file) }));
}

/** Scans raw bytes for ballots and for anything tying a voter to one. */
export function ballotTraces(
  sources: Array<{ name: string; bytes: Buffer }>,
  keyHashes: readonly string[],
): BallotTraces {
  const images: RoundImage[] = [];
  const keysFound = new Set<string>();
  const filesWithBallots: string[] = [];
  for (const { name, bytes } of sources) {
    const text = bytes.toString('latin1');
    images.push(...imagesIn(text));
    const keys = keyHashes.filter((k) => text.includes(k));
    for (const key of keys) keysFound.add(key);
    if (keys.length > 0 || text.includes('"grades"')) filesWithBallots.push(name);
  }
  return { links: linksFrom(images), keysFound: [...keysFound], filesWithBallots };
}
