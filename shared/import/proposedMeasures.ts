import type { OutlineItem, OutlineSubsection, ParsedOutline } from './outlineTypes.js';

/** A rectification item proposed from the measures of an imported checking material. */
export interface ProposedMeasure {
  /** The measure as written, without its marker (一是). */
  text: string;
  /** The aspect of the problems section the measure names, else null. */
  aspect: string | null;
  /** The sub-heading the measure stands under (without its numbering), else null. */
  heading: string | null;
}

/** The aspects named by the headings of the problems sections, in order, each once. */
export function outlineAspects(outline: ParsedOutline): string[] {
  const aspects = outline.sections
    .filter((s) => s.kind === 'problems')
    .flatMap((s) => s.subsections.map((sub) => sub.aspect))
    .filter((a): a is string => a !== null);
  return [...new Set(aspects)];
}

/** A text's first sentence: where a measure states itself (`强化政治理论学习，…。`). */
function firstSentence(text: string): string {
  const end = text.search(/[。；;！!？?]/);
  return end === -1 ? text : text.slice(0, end);
}

function namedAspect(aspects: readonly string[], texts: readonly string[]): string | null {
  for (const text of texts) {
    const found = aspects.find((a) => text.includes(a));
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Proposed rectification items from the measures sections: each point (一是…), or each
 * sub-heading with its text where it has no points, or, in a section with neither, each
 * paragraph. A proposal's aspect is the first aspect of the problems sections that its
 * headings (nearest first) or its first sentence names. Paragraphs without a marker around
 * the points (an introduction, a closing word) propose nothing.
 */
export function proposedMeasures(outline: ParsedOutline): ProposedMeasure[] {
  const aspects = outlineAspects(outline);
  const proposals: ProposedMeasure[] = [];
  const propose = (text: string, headings: readonly string[]): void => {
    proposals.push({
      text,
      aspect: namedAspect(aspects, [...headings, firstSentence(text)]),
      heading: headings[0] ?? null,
    });
  };
  const fromItems = (items: readonly OutlineItem[], headings: readonly string[]): void => {
    for (const item of items) {
      if (item.marker !== null) propose(`${item.text}${item.examples.join('')}`, headings);
    }
  };
  const fromSubsection = (sub: OutlineSubsection, outer: readonly string[]): void => {
    const headings = [sub.heading, ...outer];
    const marked = sub.items.some((i) => i.marker !== null);
    fromItems(sub.items, headings);
    for (const child of sub.children) fromSubsection(child, headings);
    if (!marked && sub.children.length === 0) {
      // The heading and its text as a run-in heading writes them: `注重…，确保…。始终把…`.
      const own = [...sub.paragraphs, ...sub.items.map((i) => i.text + i.examples.join(''))];
      const text = own.join('');
      propose(
        sub.heading === '' || text === '' ? sub.heading + text : `${sub.heading}。${text}`,
        headings,
      );
    }
  };
  for (const section of outline.sections.filter((s) => s.kind === 'measures')) {
    fromItems(section.items, []);
    for (const sub of section.subsections) fromSubsection(sub, []);
    const marked = section.items.some((i) => i.marker !== null);
    if (!marked && section.subsections.length === 0) {
      for (const text of section.paragraphs) propose(text, []);
    }
  }
  return proposals;
}
