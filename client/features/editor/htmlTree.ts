/**
 * A small, forgiving HTML reader for clipboard HTML (Word, WPS, web pages). The paste cleaner
 * works on its tree rather than on the browser's DOM so that it behaves the same in the page
 * and in the unit tests, which run in Node without a DOM; it is also never a live document, so
 * nothing in the pasted HTML (images, scripts) is fetched or run while it is read.
 */

export interface HtmlElement {
  kind: 'element';
  /** Lower case, namespace prefix kept: `p`, `span`, `o:p`, `v:imagedata`. */
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  /** Entities decoded; whitespace as written. */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is not markup: skipped whole, up to their end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'noscript', 'template']);

/** Start tags that end an open `<p>`, as HTML's own parser does. */
const CLOSES_PARAGRAPH = new Set([
  'address',
  'blockquote',
  'div',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);

/** Elements an implied end tag does not reach past. */
const SCOPE_BOUNDARIES = new Set(['#root', 'body', 'li', 'td', 'th', 'table', 'ul', 'ol']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  yen: '¥',
  copy: '©',
  reg: '®',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Where the `>` closing the tag that starts at `from` is, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return html.length;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) {
      attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
    }
  }
  return attributes;
}

/** Reads `html` into a tree under a `#root` element; never throws. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attributes: new Map(), children: [] };
  const open: HtmlElement[] = [root];
  const current = () => open[open.length - 1]!;

  /** Closes the innermost open `name` unless a scope boundary comes first. */
  const closeInScope = (names: ReadonlySet<string>) => {
    for (let depth = open.length - 1; depth > 0; depth--) {
      const name = open[depth]!.name;
      if (names.has(name)) {
        open.length = depth;
        return;
      }
      if (SCOPE_BOUNDARIES.has(name)) return;
    }
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      current().children.push({ kind: 'text', text: decodeEntities(html.slice(i, textEnd)) });
    }
    if (lt === -1) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      // Comments, Word's conditional comments (<!--[if gte mso 9]>…<![endif]-->) included.
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (next === '!' || next === '?') {
      // <!DOCTYPE>, <?xml …?>, and Word's downlevel-revealed <![if !supportLists]>: the
      // marker goes, what it wraps stays.
      i = tagEnd(html, i) + 1;
      continue;
    }
    if (!/[a-zA-Z/]/.test(next)) {
      // A `<` that starts no tag (`甲 < 乙`) is text.
      current().children.push({ kind: 'text', text: '<' });
      i += 1;
      continue;
    }
    const end = tagEnd(html, i);
    const source = html.slice(i + 1, end);
    i = end + 1;
    if (next === '/') {
      const name = /^\/\s*([^\s/>]+)/.exec(source)?.[1]?.toLowerCase();
      const depth = name ? open.findLastIndex((element) => element.name === name) : -1;
      if (depth > 0) open.length = depth;
      continue;
    }
    const name = /^([a-zA-Z][^\s/>]*)/.exec(source)![1]!.toLowerCase();
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close === -1 ? html.length : tagEnd(html, close) + 1;
      continue;
    }
    if (CLOSES_PARAGRAPH.has(name)) closeInScope(new Set(['p']));
    if (/^h[1-6]$/.test(name)) closeInScope(new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']));
    if (name === 'li') closeInScope(new Set(['li']));
    const element: HtmlElement = {
      kind: 'element',
      name,
      attributes: readAttributes(source.slice(name.length)),
      children: [],
    };
    current().children.push(element);
    if (!VOID_ELEMENTS.has(name) && !source.trimEnd().endsWith('/')) open.push(element);
  }
  return root;
}

/** The text of `node` and everything in it, as written. */
export function textContent(node: HtmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textContent).join('');
}
