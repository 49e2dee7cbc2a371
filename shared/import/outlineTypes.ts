/** What a section of a checking material is about, read from the words of its heading. */
export type SectionKind = 'last-rectification' | 'problems' | 'causes' | 'measures' | 'other';

/** Heading levels of the numbering styles, as in shared/editor/openingStructure.ts. */
export type SubsectionLevel = 3 | 4 | 5;

/**
 * One point of a list that runs as 一是…二是… (or 一要…二要…), inside a paragraph or a line each.
 * `text + examples.join('')` is the point as written, without its marker.
 */
export interface OutlineItem {
  /** 1 for 一是; null for a paragraph without a marker that follows marked items. */
  ordinal: number | null;
  /** `一是`, `二要`; null for a paragraph without a marker that follows marked items. */
  marker: string | null;
  text: string;
  /** Each example introduced by 比如 / 例如 / 如, with its introducing word. */
  examples: string[];
  /** 1-based line of the input the item starts on. */
  line: number;
}

/** A （一）, 1. or （1） heading and what follows it up to the next heading of its level or above. */
export interface OutlineSubsection {
  /** The heading's text without its numbering or closing punctuation. */
  heading: string;
  /** As written: `（一）`, `(一)`, `1.`, `1、`, `（1）`. */
  numbering: string;
  level: SubsectionLevel;
  /** In a problems section: the aspect the heading names (`理论学习` from `（一）在理论学习方面`). */
  aspect: string | null;
  /** Paragraphs before the first item. */
  paragraphs: string[];
  items: OutlineItem[];
  /** 1. and （1） headings under this one. */
  children: OutlineSubsection[];
  line: number;
}

/** A 一、 heading and everything up to the next one. */
export interface OutlineSection {
  heading: string;
  /** As written: `一、`, `二．`. */
  numbering: string;
  kind: SectionKind;
  paragraphs: string[];
  items: OutlineItem[];
  subsections: OutlineSubsection[];
  line: number;
}

export type OutlineWarningCode =
  /** An ordinal left out: （一） followed by （三）, or a list that starts at 二是. */
  | 'skipped-ordinal'
  /** An ordinal used again, or going backwards: 二、 after 二、 or after 三、. */
  | 'repeated-ordinal'
  /** One list whose markers mix 是 and 要: 一是… 二要…. */
  | 'mixed-markers'
  /** No 一、 heading at all: the whole text is read as the preamble. */
  | 'no-sections';

export interface OutlineWarning {
  /** 1-based line in the input. */
  line: number;
  code: OutlineWarningCode;
  /** Chinese, saying where: `第12行：…`. */
  message: string;
}

export interface ParsedOutline {
  title: string | null;
  /** Paragraphs between the title and the first 一、 heading (the 按…要求 paragraph). */
  preamble: string[];
  sections: OutlineSection[];
  warnings: OutlineWarning[];
}
