import { withOrdinal } from './outlineNumbering.js';
import type { OutlineWarning } from './outlineTypes.js';

/** A numbered heading or point, as the warnings name it. */
export interface Numbered {
  ordinal: number;
  /** As written: `（二）`, `2.`, `二是`. */
  numbering: string;
  line: number;
}

const CONTEXT_LENGTH = 16;

/** `第12行` or `第12行（“（二）严格组织生活方面”下）`: where the reader should look. */
function where(line: number, context: string | null): string {
  if (context === null) return `第${line}行`;
  const short = context.length > CONTEXT_LENGTH ? `${context.slice(0, CONTEXT_LENGTH)}…` : context;
  return `第${line}行（“${short}”下）`;
}

function missing(numbering: string, from: number, to: number): string {
  const first = `“${withOrdinal(numbering, from)}”`;
  return from === to ? first : `${first}至“${withOrdinal(numbering, to)}”`;
}

/**
 * The warning for `current` following `previous` (null for the first of its level), or null
 * when it is the next ordinal. `context` is the heading it stands under.
 */
export function ordinalWarning(
  previous: Numbered | null,
  current: Numbered,
  context: string | null,
): OutlineWarning | null {
  const at = where(current.line, context);
  const expected = previous === null ? 1 : previous.ordinal + 1;
  const { line, numbering, ordinal } = current;
  if (ordinal === expected) return null;
  if (ordinal > expected) {
    const message =
      previous === null
        ? `${at}：编号从“${numbering}”开始，缺少${missing(numbering, 1, ordinal - 1)}`
        : `${at}：“${previous.numbering}”之后是“${numbering}”，缺少${missing(numbering, expected, ordinal - 1)}`;
    return { line, code: 'skipped-ordinal', message };
  }
  const prior = previous!;
  const message =
    ordinal === prior.ordinal
      ? `${at}：编号“${numbering}”与第${prior.line}行的“${prior.numbering}”重复`
      : `${at}：编号“${numbering}”出现在第${prior.line}行的“${prior.numbering}”之后，重复或顺序颠倒`;
  return { line, code: 'repeated-ordinal', message };
}

/** The warning for a point whose marker is not of the family its list started with. */
export function mixedMarkersWarning(
  first: Numbered,
  current: Numbered,
  context: string | null,
): OutlineWarning {
  return {
    line: current.line,
    code: 'mixed-markers',
    message: `${where(current.line, context)}：“${current.numbering}”与第${first.line}行的“${first.numbering}”在同一组中，混用了“是”和“要”`,
  };
}

export function noSectionsWarning(line: number): OutlineWarning {
  return {
    line,
    code: 'no-sections',
    message: `${where(line, null)}起：没有找到“一、”这样的一级标题，全文作为开头段落导入`,
  };
}
