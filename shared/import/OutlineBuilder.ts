import { matchNumbering, type Numbering, type NumberingLevel } from './outlineNumbering.js';
import type {
  OutlineItem,
  OutlineSection,
  OutlineSubsection,
  OutlineWarning,
  SubsectionLevel,
} from './outlineTypes.js';
import { mixedMarkersWarning, ordinalWarning, type Numbered } from './outlineWarnings.js';
import { headingAspect, sectionKind } from './sectionKind.js';
import { splitHeading } from './splitHeading.js';
import { splitExamples, splitItems, startsExample, type SplitItem } from './splitItems.js';
import type { SourceLine } from './sourceLines.js';

/** The list of points being read in one body, for its numbering warnings. */
interface ItemRun {
  first: Numbered;
  last: Numbered;
  family: SplitItem['family'];
  /** Whether the list has been warned of mixing 是 and 要 (once is enough). */
  mixed: boolean;
}

/** An open heading: what its text goes into, and what it has seen so far. */
interface Frame {
  level: NumberingLevel;
  node: OutlineSection | OutlineSubsection;
  /** Numbering and heading, to say where in warnings. */
  label: string;
  /** The last heading under this one, per level, for its numbering warnings. */
  lastChild: Map<NumberingLevel, Numbered>;
  run: ItemRun | null;
  /** A paragraph without a marker came after the points: a 一是 may start a new list. */
  afterProse: boolean;
}

/**
 * Reads the lines of a checking material from its first 一、 heading on, one at a time, into
 * sections; the parse of one text, so a new one for each.
 */
export class OutlineBuilder {
  private readonly sections: OutlineSection[] = [];
  private readonly warnings: OutlineWarning[] = [];
  private stack: Frame[] = [];
  private lastSection: Numbered | null = null;

  addLine({ line, text }: SourceLine): void {
    const numbering = matchNumbering(text);
    if (numbering) this.openHeading(numbering, line);
    else if (this.stack.length > 0) this.addText(text, line);
  }

  result(): { sections: OutlineSection[]; warnings: OutlineWarning[] } {
    return { sections: this.sections, warnings: this.warnings };
  }

  private openHeading(numbering: Numbering, line: number): void {
    const { heading, paragraph } = splitHeading(numbering.rest);
    const numbered: Numbered = { ordinal: numbering.ordinal, numbering: numbering.numbering, line };
    const label = `${numbering.numbering}${heading}`;
    if (numbering.level === 2) {
      this.warn(ordinalWarning(this.lastSection, numbered, null));
      this.lastSection = numbered;
      const section: OutlineSection = {
        heading,
        numbering: numbering.numbering,
        kind: sectionKind(heading),
        paragraphs: [],
        items: [],
        subsections: [],
        line,
      };
      this.sections.push(section);
      this.stack = [this.frame(2, section, label)];
    } else {
      this.openSubsection(numbering.level, numbered, heading, label);
    }
    if (paragraph !== null) this.addText(paragraph, line);
  }

  private openSubsection(
    level: SubsectionLevel,
    numbered: Numbered,
    heading: string,
    label: string,
  ): void {
    while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.level >= level) {
      this.stack.pop();
    }
    const parent = this.stack[this.stack.length - 1]!;
    this.warn(ordinalWarning(parent.lastChild.get(level) ?? null, numbered, parent.label));
    parent.lastChild.set(level, numbered);
    const inProblems = 'kind' in parent.node && parent.node.kind === 'problems';
    const subsection: OutlineSubsection = {
      heading,
      numbering: numbered.numbering,
      level,
      aspect: inProblems ? headingAspect(heading) : null,
      paragraphs: [],
      items: [],
      children: [],
      line: numbered.line,
    };
    if ('kind' in parent.node) parent.node.subsections.push(subsection);
    else parent.node.children.push(subsection);
    this.stack.push(this.frame(level, subsection, label));
  }

  private frame(level: NumberingLevel, node: Frame['node'], label: string): Frame {
    return { level, node, label, lastChild: new Map(), run: null, afterProse: false };
  }

  private addText(text: string, line: number): void {
    const frame = this.stack[this.stack.length - 1]!;
    const lastItem = frame.node.items[frame.node.items.length - 1];
    // An example on a line of its own belongs to the point before it.
    if (lastItem && startsExample(text)) {
      const { text: first, examples } = splitExamples(text);
      lastItem.examples.push(first, ...examples);
      return;
    }
    const { lead, items } = splitItems(text);
    if (items.length === 0) {
      this.addProse(frame, text, line);
      return;
    }
    if (lead !== '') this.addProse(frame, lead, line);
    for (const item of items) this.addItem(frame, item, line);
  }

  /** Prose before the first point is a paragraph; after it, a point without a marker. */
  private addProse(frame: Frame, text: string, line: number): void {
    if (frame.node.items.length === 0) {
      frame.node.paragraphs.push(text);
      return;
    }
    frame.node.items.push({ ordinal: null, marker: null, ...splitExamples(text), line });
    frame.afterProse = true;
  }

  private addItem(frame: Frame, item: SplitItem, line: number): void {
    const numbered: Numbered = { ordinal: item.ordinal, numbering: item.marker, line };
    const run = frame.run;
    const startsAgain = item.ordinal === 1 && frame.afterProse;
    if (run === null || startsAgain) {
      this.warn(ordinalWarning(null, numbered, frame.label));
      frame.run = { first: numbered, last: numbered, family: item.family, mixed: false };
    } else {
      this.warn(ordinalWarning(run.last, numbered, frame.label));
      if (item.family !== run.family && !run.mixed) {
        this.warn(mixedMarkersWarning(run.first, numbered, frame.label));
        run.mixed = true;
      }
      run.last = numbered;
    }
    frame.afterProse = false;
    const outlineItem: OutlineItem = {
      ordinal: item.ordinal,
      marker: item.marker,
      text: item.text,
      examples: item.examples,
      line,
    };
    frame.node.items.push(outlineItem);
  }

  private warn(warning: OutlineWarning | null): void {
    if (warning) this.warnings.push(warning);
  }
}
