import { parseHtml, type HtmlElement, type HtmlNode } from './htmlTree.js';
import {
  boldInside,
  headingLevelOf,
  isDropped,
  isListMarker,
  isNumberedMarker,
  markerKind,
  markerStart,
  officeListOf,
} from './officeMarkup.js';
import { renderBlocks, type Block, type Inline, type ListBlock } from './pastedBlocks.js';

/**
 * Turns clipboard HTML from Word, WPS or a web page into the little our documents hold:
 * headings (Word's 标题 1 → our level 2, …), paragraphs, bold, lists and line breaks. Fonts,
 * sizes, colours, indents, classes, spans, images, links and Office's own markup all go: the
 * layout of official writing comes from the document, not from wherever the text was before.
 */
export function cleanPastedHtml(html: string): string {
  const blocks: Block[] = [];
  collectBlocks(parseHtml(html).children, false, blocks);
  return renderBlocks(blocks);
}

/** Elements whose children are blocks (or loose text, which becomes a paragraph). */
const CONTAINERS = new Set([
  '#root',
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'center',
  'form',
  'fieldset',
  'figure',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'li',
]);

const LEAF_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'address',
  'dt',
  'dd',
  'figcaption',
  'legend',
]);

interface PendingList {
  level: number;
  numbered: boolean;
  start: number | null;
  inlines: Inline[];
}

/**
 * Reads `nodes` into `out`, gathering runs of Word list paragraphs and loose inline content;
 * `bold` is whether an element around them made their text bold.
 */
function collectBlocks(nodes: readonly HtmlNode[], bold: boolean, out: Block[]): void {
  let loose: Inline[] = [];
  let listRun: PendingList[] = [];
  const flushLoose = () => {
    if (loose.length > 0) out.push({ type: 'paragraph', inlines: loose });
    loose = [];
  };
  const flushList = () => {
    out.push(...nestOfficeList(listRun));
    listRun = [];
  };

  for (const node of nodes) {
    if (node.kind === 'text') {
      // Whitespace between blocks (Word's line breaks in its source) is not content; between
      // words it is, and the paragraph's edges are trimmed later.
      if (/^\s*$/.test(node.text)) {
        if (loose.length > 0) loose.push({ text: node.text, bold });
        continue;
      }
      flushList();
      collectInlines(node, bold, loose);
      continue;
    }
    if (isDropped(node)) continue;
    const heading = headingLevelOf(node);
    const officeList = heading === null && isBlockElement(node) ? officeListOf(node) : null;
    const listKind = officeList ? markerKind(officeList.marker) : null;
    if (officeList && listKind !== 'typed') {
      flushLoose();
      const inlines: Inline[] = [];
      collectInlines(node, bold, inlines);
      listRun.push({
        level: officeList.level,
        numbered: listKind === 'numbered',
        start: markerStart(officeList.marker),
        inlines,
      });
      continue;
    }
    if (!isBlockElement(node) && heading === null) {
      if (holdsBlocks(node)) {
        // Google Docs wraps whole documents in a <b>; blocks inside inline elements stay blocks.
        flushLoose();
        flushList();
        collectBlocks(node.children, boldInside(node, bold), out);
      } else {
        flushList();
        collectInlines(node, bold, loose);
      }
      continue;
    }
    flushLoose();
    flushList();
    if (heading !== null) {
      out.push({ type: 'heading', level: heading, inlines: headingInlines(node) });
    } else if (node.name === 'ul' || node.name === 'ol') {
      out.push(htmlList(node, bold));
    } else if (CONTAINERS.has(node.name)) {
      collectBlocks(node.children, boldInside(node, bold), out);
    } else {
      const inlines: Inline[] = [];
      // A Chinese-numbered list paragraph keeps its number as text.
      collectInlines(node, bold, inlines, listKind === 'typed');
      out.push({ type: 'paragraph', inlines });
    }
  }
  flushLoose();
  flushList();
}

function holdsBlocks(element: HtmlElement): boolean {
  return element.children.some(
    (child) =>
      child.kind === 'element' &&
      !isDropped(child) &&
      (isBlockElement(child) || headingLevelOf(child) !== null || holdsBlocks(child)),
  );
}

function isBlockElement(element: HtmlElement): boolean {
  return (
    CONTAINERS.has(element.name) ||
    LEAF_BLOCKS.has(element.name) ||
    element.name === 'ul' ||
    element.name === 'ol'
  );
}

/**
 * A heading's text without bold (its look comes from its level) but with the number Word's
 * multi-level list drew for it, since in official writing 一、 and （一） are typed text.
 */
function headingInlines(element: HtmlElement): Inline[] {
  const inlines: Inline[] = [];
  collectInlines(element, false, inlines, true);
  return inlines.map((inline) => ('text' in inline ? { ...inline, bold: false } : inline));
}

/**
 * The inline content of `node`: text (bold or not) and line breaks. Inline elements other than
 * bold are unwrapped; list markers are dropped unless `keepMarkers`.
 */
function collectInlines(node: HtmlNode, bold: boolean, out: Inline[], keepMarkers = false): void {
  if (node.kind === 'text') {
    out.push({ text: node.text, bold });
    return;
  }
  if (isDropped(node)) return;
  if (isListMarker(node)) {
    if (keepMarkers) keepNumbering(node, out);
    return;
  }
  if (node.name === 'br') {
    // Word marks a page break as a <br> with a page-break style; it is not a line break.
    if (!/page-break/i.test(node.attributes.get('style') ?? '')) out.push({ lineBreak: true });
    return;
  }
  const inside = boldInside(node, bold);
  for (const child of node.children) collectInlines(child, inside, out, keepMarkers);
}

function keepNumbering(marker: HtmlElement, out: Inline[]): void {
  const text: Inline[] = [];
  collectInlines({ ...marker, attributes: new Map() }, false, text);
  const numbering = text
    .map((inline) => ('text' in inline ? inline.text : ''))
    .join('')
    .replace(/[\s\u00a0\u3000]+/g, '');
  if (isNumberedMarker(numbering)) out.push({ text: numbering, bold: false });
}

/** Word's flat run of `mso-list` paragraphs, as nested lists by their `levelN`. */
function nestOfficeList(run: readonly PendingList[]): ListBlock[] {
  const lists: ListBlock[] = [];
  const open: ListBlock[] = [];
  for (const item of run) {
    // A list cannot skip a level: a level-3 item right under a level-1 one nests once.
    const level = Math.max(1, Math.min(item.level, open.length + 1));
    open.length = Math.min(open.length, level);
    let list = open[level - 1];
    if (!list || list.numbered !== item.numbered) {
      list = { type: 'list', numbered: item.numbered, start: item.start, items: [] };
      if (level === 1) lists.push(list);
      else open[level - 2]!.items.at(-1)!.push(list);
      open[level - 1] = list;
      open.length = level;
    }
    list.items.push([{ type: 'paragraph', inlines: item.inlines }]);
  }
  return lists;
}

/** `<ul>`/`<ol>` as they are; stray content between items joins the item before it. */
function htmlList(element: HtmlElement, bold: boolean): ListBlock {
  const list: ListBlock = {
    type: 'list',
    numbered: element.name === 'ol',
    start: Number.parseInt(element.attributes.get('start') ?? '', 10) || null,
    items: [],
  };
  for (const child of element.children) {
    if (child.kind === 'text' && /^\s*$/.test(child.text)) continue;
    const blocks: Block[] = [];
    if (child.kind === 'element' && child.name === 'li') {
      collectBlocks(child.children, boldInside(child, bold), blocks);
      list.items.push(blocks);
      continue;
    }
    collectBlocks([child], bold, blocks);
    const last = list.items.at(-1);
    if (last) last.push(...blocks);
    else list.items.push(blocks);
  }
  return list;
}
