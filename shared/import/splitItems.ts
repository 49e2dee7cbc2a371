import { parseChineseNumeral } from './outlineNumbering.js';

/** 是 of 一是…二是…, 要 of 一要…二要…. */
export type MarkerFamily = '是' | '要';

export interface SplitItem {
  ordinal: number;
  marker: string;
  family: MarkerFamily;
  text: string;
  examples: string[];
}

export interface ItemSplit {
  /** The text before the first item (`主要表现在：`), or the whole paragraph if it has none. */
  lead: string;
  items: SplitItem[];
}

// A point starts a sentence, or follows the colon that introduces the list.
const SENTENCE_END = new Set(['。', '；', ';', '！', '!', '？', '?', '：', ':']);
// An example starts a sentence; after a colon it is what the sentence announces.
const SENTENCE_END_NO_COLON = new Set(['。', '；', ';', '！', '!', '？', '?']);
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '）', ')']);
const COMMAS = new Set(['，', ',']);
const NUMERALS = new Set('一二三四五六七八九十'.split(''));
// 三要素, 四要点, 五要件: words, not the point 三要.
const NOT_AFTER_YAO = new Set(['素', '点', '件']);

// No sticky regex for these: its lastIndex would be state shared by every call.
const EXAMPLE_WORDS = ['比如', '例如', '譬如', '如'];
// 如 opens an example (如自我批评不深刻) unless it opens a word: 如何, 如果, 如有, 如期….
const NOT_AFTER_RU = new Set('何果此今实期若同下上有能不需要遇发出意约常前所其是一愿数'.split(''));

/** The character before `index` that is not a space, and the one before that. */
function before(text: string, index: number): [string | undefined, string | undefined] {
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return [text[i], text[i - 1]];
}

function endsSentence(text: string, index: number, ends: ReadonlySet<string>): boolean {
  const [prev, prevPrev] = before(text, index);
  if (prev === undefined) return true;
  if (ends.has(prev)) return true;
  return CLOSING_QUOTES.has(prev) && prevPrev !== undefined && ends.has(prevPrev);
}

interface MarkerAt {
  index: number;
  end: number;
  ordinal: number;
  marker: string;
  family: MarkerFamily;
}

/** The marker 一是 / 十二要 that starts at `index`, if one does. */
function markerAt(text: string, index: number): MarkerAt | null {
  let end = index;
  while (end - index < 3 && NUMERALS.has(text[end] ?? '')) end++;
  const family = text[end];
  if (end === index || (family !== '是' && family !== '要')) return null;
  const ordinal = parseChineseNumeral(text.slice(index, end));
  end++;
  if (ordinal === null) return null;
  if (family === '要' && NOT_AFTER_YAO.has(text[end] ?? '')) return null;
  return { index, end, ordinal, marker: text.slice(index, end), family };
}

/**
 * A paragraph's points: 一是…。二是…。三是… (or 一要…), each marker where a sentence starts or
 * after the colon that opens the list; after a comma only as the next point of the same list
 * (一是…，二是…), so that a 二是 inside a sentence stays text.
 */
export function splitItems(text: string): ItemSplit {
  const markers: MarkerAt[] = [];
  for (let i = 0; i < text.length; i++) {
    const found = markerAt(text, i);
    if (!found) continue;
    const last = markers[markers.length - 1];
    const [prev] = before(text, i);
    const continues =
      last !== undefined &&
      prev !== undefined &&
      COMMAS.has(prev) &&
      found.ordinal === last.ordinal + 1 &&
      found.family === last.family;
    if (endsSentence(text, i, SENTENCE_END) || continues) {
      markers.push(found);
      i = found.end - 1;
    }
  }
  const first = markers[0];
  if (!first) return { lead: text, items: [] };
  const items = markers.map((m, n) => {
    const body = text.slice(m.end, markers[n + 1]?.index ?? text.length).trim();
    return { ordinal: m.ordinal, marker: m.marker, family: m.family, ...splitExamples(body) };
  });
  return { lead: text.slice(0, first.index).trim(), items };
}

function exampleAt(text: string, index: number): boolean {
  const word = EXAMPLE_WORDS.find((w) => text.startsWith(w, index));
  if (word === undefined) return false;
  return word !== '如' || !NOT_AFTER_RU.has(text[index + 1] ?? '');
}

/** Whether a line or sentence opens with 比如 / 例如 / 如 as the start of an example. */
export function startsExample(text: string): boolean {
  return exampleAt(text, 0);
}

/**
 * A point's own text and its examples: each 比如 / 例如 / 如 that starts a sentence opens an
 * example that runs to the next one or to the end of the point. One inside a sentence
 * (`几家基层工会，比如……等企业`) is part of that sentence.
 */
export function splitExamples(text: string): { text: string; examples: string[] } {
  const starts: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (exampleAt(text, i) && endsSentence(text, i, SENTENCE_END_NO_COLON)) starts.push(i);
  }
  if (starts.length === 0) return { text, examples: [] };
  return {
    text: text.slice(0, starts[0]).trim(),
    examples: starts.map((s, n) => text.slice(s, starts[n + 1] ?? text.length).trim()),
  };
}
