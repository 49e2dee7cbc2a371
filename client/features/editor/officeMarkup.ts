import { textContent, type HtmlElement } from './htmlTree.js';

/**
 * What Word's and WPS's clipboard HTML says about a paragraph, read from the tag, class and
 * inline style they write; everything else they write (fonts, sizes, indents, colours) is
 * ignored by the cleaner.
 */

/** `font-family:仿宋_GB2312; mso-list:l0 level1 lfo1` → a map of lower-case property names. */
export function styleOf(element: HtmlElement): Map<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (element.attributes.get('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    style.set(
      name,
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return style;
}

function classesOf(element: HtmlElement): string[] {
  return (element.attributes.get('class') ?? '').split(/\s+/).filter(Boolean);
}

/** Our deepest heading: 四级标题（（1））. Word's 标题 5 and below land on it. */
const DEEPEST_LEVEL = 5;

/**
 * The editor heading level a block stands for, or null for body text. Word's and WPS's 标题 1
 * (`<h1>`, `class=MsoHeading1`, `mso-outline-level:1`) is our 一级标题 (level 2), 标题 2 is
 * level 3 and so on, because level 1 is the document's title (Word's 标题 style, `MsoTitle`).
 */
export function headingLevelOf(element: HtmlElement): number | null {
  const tag = /^h([1-6])$/.exec(element.name);
  if (tag) return Math.min(Number(tag[1]) + 1, DEEPEST_LEVEL);
  for (const name of classesOf(element)) {
    if (/^MsoTitle$/i.test(name)) return 1;
    const heading = /^MsoHeading([1-9])$/i.exec(name);
    if (heading) return Math.min(Number(heading[1]) + 1, DEEPEST_LEVEL);
  }
  // Body text has no outline level, or Word's "10" (正文文本) on some paragraphs.
  const outline = /^([1-9])$/.exec(styleOf(element).get('mso-outline-level') ?? '');
  return outline ? Math.min(Number(outline[1]) + 1, DEEPEST_LEVEL) : null;
}

/** A paragraph Word or WPS numbered or bulleted with its own list machinery. */
export interface OfficeListParagraph {
  /** 1 for the outermost level. */
  level: number;
  /** What Word wrote as the number or bullet (`1.`, `（一）`, `·`), trimmed. */
  marker: string;
}

/** `mso-list:l0 level2 lfo1` → level 2; null when the paragraph is not in a list. */
export function officeListOf(element: HtmlElement): OfficeListParagraph | null {
  const list = styleOf(element).get('mso-list');
  if (!list || list === 'ignore' || list === 'skip') return null;
  const level = /level(\d+)/.exec(list);
  const markerElement = findListMarker(element);
  return {
    level: level ? Number(level[1]) : 1,
    marker: markerElement ? trimMarker(textContent(markerElement)) : '',
  };
}

/** Word writes a list item's number as text in a `mso-list:Ignore` span for other programs. */
export function isListMarker(element: HtmlElement): boolean {
  return styleOf(element).get('mso-list') === 'ignore';
}

function findListMarker(element: HtmlElement): HtmlElement | null {
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (isListMarker(child)) return child;
    const inner = findListMarker(child);
    if (inner) return inner;
  }
  return null;
}

function trimMarker(marker: string): string {
  return marker.replace(/[\s\u00a0\u3000]+/g, '');
}

const CIRCLED_NUMBER = /^[\u2460-\u2473\u2776-\u277f]$/;
const NUMBERED = /^[(（]?[0-9０-９一二三四五六七八九十百零〇a-zA-Zⅰ-ⅻⅠ-Ⅻ]{1,6}[.．、)）]$/;
const ENCLOSED = /^[(（][^()（）]{1,6}[)）]$/;

/**
 * Numbers end in a mark (`1.`, `一、`, `a)`) or are enclosed (`（1）`) or circled (`①`); anything
 * else is a bullet, including the letters Word draws bullets with in Wingdings (`l`, `n`, `§`).
 */
export function isNumberedMarker(marker: string): boolean {
  return NUMBERED.test(marker) || ENCLOSED.test(marker) || CIRCLED_NUMBER.test(marker);
}

/**
 * How a Word list paragraph is kept: `1.`, `a)` and bullets as a list of ours; Chinese
 * numbering (一、 （一） （1） ①) as typed text in a paragraph, as official writing has it and
 * as our lists, which only count 1. 2. 3., could not show it.
 */
export function markerKind(marker: string): 'bullet' | 'numbered' | 'typed' {
  if (/^[0-9０-９]{1,6}[.．)]$/.test(marker) || /^[a-zA-Z][.)]$/.test(marker)) return 'numbered';
  return isNumberedMarker(marker) ? 'typed' : 'bullet';
}

/** `3.` → 3, so a pasted list that started at 3 still does; null for other numberings. */
export function markerStart(marker: string): number | null {
  const digits = /^[(（]?([0-9]{1,6})[.．、)）]$/.exec(marker);
  return digits ? Number(digits[1]) : null;
}

/** Hidden text, page-break lines and Word's own markup: none of it is content. */
export function isDropped(element: HtmlElement): boolean {
  if (/^(o|v|w|m|st1|x):/.test(element.name) || DROPPED_ELEMENTS.has(element.name)) return true;
  const style = styleOf(element);
  return style.get('display') === 'none' || style.get('mso-hide') === 'all';
}

const DROPPED_ELEMENTS = new Set([
  'head',
  'meta',
  'link',
  'xml',
  'img',
  'picture',
  'svg',
  'video',
  'audio',
  'canvas',
  'iframe',
  'object',
  'embed',
  'map',
  'button',
  'input',
  'select',
]);

/** Whether text inside `element` is bold, given whether it was outside: true, false or as before. */
export function boldInside(element: HtmlElement, outside: boolean): boolean {
  const weight = styleOf(element).get('font-weight');
  if (weight === 'normal' || weight === 'lighter' || (weight && Number(weight) < 600)) {
    // Google Docs wraps everything in <b style="font-weight:normal">.
    return false;
  }
  if (weight === 'bold' || weight === 'bolder' || (weight && Number(weight) >= 600)) return true;
  return outside || element.name === 'b' || element.name === 'strong';
}
