import { chineseNumeral } from '../editor/chineseNumerals.js';

/** Heading levels: 一、 = 2, （一） = 3, 1. = 4, （1） = 5 (the title is 1). */
export type NumberingLevel = 2 | 3 | 4 | 5;

export interface Numbering {
  level: NumberingLevel;
  ordinal: number;
  /** As written, without spaces: `一、`, `(一)`, `1．`. */
  numbering: string;
  /** The rest of the line after the numbering. */
  rest: string;
}

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,2}';

// Longest first where one could be mistaken for another: （1） before 1., and a digit after
// `1.` makes it a decimal (1.5倍), not a heading.
const PATTERNS: readonly (readonly [NumberingLevel, RegExp])[] = [
  [2, new RegExp(`^(${NUMERAL})\\s*[、．.]`)],
  [3, new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]`)],
  [5, new RegExp(`^[（(]\\s*(${DIGITS})\\s*[）)]`)],
  [4, new RegExp(`^(${DIGITS})\\s*[、．.](?![0-9０-９])`)],
];

const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; null for what is not an ordinal up to 99. */
export function parseChineseNumeral(numeral: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!match || numeral === '') return null;
  const [, first, ten, last] = match;
  if (!ten) return last ? null : CHINESE_DIGITS.indexOf(first!) + 1;
  const tens = first ? CHINESE_DIGITS.indexOf(first) + 1 : 1;
  return tens * 10 + (last ? CHINESE_DIGITS.indexOf(last) + 1 : 0);
}

function parseDigits(digits: string): number {
  // Full-width digits (０-９) sit 0xFEE0 above ASCII ones.
  const ascii = digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return Number(ascii);
}

/** The outline numbering a line starts with, or null. */
export function matchNumbering(text: string): Numbering | null {
  for (const [level, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const numeral = match[1]!;
    const ordinal = /[一二三四五六七八九十]/.test(numeral)
      ? parseChineseNumeral(numeral)
      : parseDigits(numeral);
    if (ordinal === null || ordinal < 1) continue;
    return {
      level,
      ordinal,
      numbering: match[0].replace(/\s+/g, ''),
      rest: text.slice(match[0].length).trim(),
    };
  }
  return null;
}

/**
 * A numbering or item marker as written, with another ordinal in it, for messages: `（一）`
 * with 3 → `（三）`, `1.` with 2 → `2.`, `一是` with 2 → `二是`.
 */
export function withOrdinal(written: string, ordinal: number): string {
  if (/[0-9０-９]/.test(written)) return written.replace(/[0-9０-９]+/, String(ordinal));
  return written.replace(/[一二三四五六七八九十]+/, ordinal <= 99 ? chineseNumeral(ordinal) : '');
}
