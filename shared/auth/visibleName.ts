import { z } from 'zod';

/**
 * Characters that show nothing, or reorder what is around them: format characters (Unicode
 * category Cf: zero-width space and joiners, bidi marks, embeddings, overrides and isolates,
 * soft hyphen, byte-order mark, tags), controls, line and paragraph separators, private use, and
 * the blank fillers and joiners of other categories. In a name they make `张三\u200b` a second
 * 张三 that looks like the first, or turn the text around it.
 */
const INVISIBLE_CATEGORIES = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Co}]/u;

/** Blank or joining code points of other categories (fillers, joiners, variation selectors). */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // hangul choseong and jungseong fillers
  [0x17b4, 0x17b5], // khmer inherent vowels
  [0x180b, 0x180f], // mongolian variation selectors
  [0x2800, 0x2800], // braille blank
  [0x3164, 0x3164], // hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xffa0, 0xffa0], // halfwidth hangul filler
  [0xe0100, 0xe01ef], // variation selectors supplement
];

export const INVISIBLE_MESSAGE =
  '不能含有不可见字符或文字方向控制符 (no invisible or text direction control characters)';

/** Whether `text` holds none of the invisible characters above. */
export function isVisibleText(text: string): boolean {
  if (INVISIBLE_CATEGORIES.test(text)) return false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
}

/** A name people tell apart by looking at it (display names, branch names): trimmed, visible. */
export function visibleNameSchema(maxLength: number) {
  return z.string().trim().min(1).max(maxLength).refine(isVisibleText, INVISIBLE_MESSAGE);
}
