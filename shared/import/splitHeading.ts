export interface HeadingSplit {
  heading: string;
  /** The text that ran on after the heading on the same line, or null. */
  paragraph: string | null;
}

const TERMINATORS = new Set(['。', '：', ':', '；', ';', '！', '!', '？', '?']);
const CLOSING_PUNCTUATION = new Set([...TERMINATORS, '．', '.', '，', ',', '、']);
const OPENING_QUOTES = new Set(['“', '‘', '《', '「', '『', '〈']);
const CLOSING_QUOTES = new Set(['”', '’', '》', '」', '』', '〉']);

/**
 * A heading's text after its numbering, split where a heading that runs into its paragraph
 * ends: at the first 。 or ： outside quotation marks (`“执行上级组织决定”方面：一是…` →
 * `“执行上级组织决定”方面` and `一是…`). A line without one is all heading; the closing
 * punctuation of the heading is dropped either way.
 */
export function splitHeading(rest: string): HeadingSplit {
  let depth = 0;
  let straightQuote = false;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!;
    if (OPENING_QUOTES.has(char)) depth++;
    else if (CLOSING_QUOTES.has(char)) depth = Math.max(0, depth - 1);
    else if (char === '"') straightQuote = !straightQuote;
    else if (depth === 0 && !straightQuote && TERMINATORS.has(char)) {
      const paragraph = rest.slice(i + 1).trim();
      return { heading: rest.slice(0, i).trim(), paragraph: paragraph === '' ? null : paragraph };
    }
  }
  return { heading: withoutClosingPunctuation(rest), paragraph: null };
}

// A loop, not /[。，…]+$/: that regex is quadratic on a long run of punctuation.
function withoutClosingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSING_PUNCTUATION.has(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}
