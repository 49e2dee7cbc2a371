import type {
  OutlineSection,
  OutlineSubsection,
  ParsedOutline,
  SectionKind,
} from '../../../shared/import/outlineTypes.js';

/** One heading of the preview: what it is, and how many points (一是…) stand under it. */
export interface OutlineNode {
  /** Unique in the outline: the line it starts on. */
  line: number;
  /** The heading as written, numbering included (`（一）在理论学习方面`). */
  heading: string;
  /** Sections only. */
  kind: SectionKind | null;
  /** Subsections of a problems section that name one. */
  aspect: string | null;
  /** Points under it and under every heading below it. */
  items: number;
  /** Paragraphs that are not points, here and below. */
  paragraphs: number;
  children: OutlineNode[];
}

export interface OutlineSummary {
  title: string | null;
  preamble: number;
  sections: OutlineNode[];
  /** Points in the whole text. */
  items: number;
}

function subsectionNode(sub: OutlineSubsection): OutlineNode {
  const children = sub.children.map(subsectionNode);
  return {
    line: sub.line,
    heading: `${sub.numbering}${sub.heading}`,
    kind: null,
    aspect: sub.aspect,
    items: sub.items.length + sum(children, 'items'),
    paragraphs: sub.paragraphs.length + sum(children, 'paragraphs'),
    children,
  };
}

function sectionNode(section: OutlineSection): OutlineNode {
  const children = section.subsections.map(subsectionNode);
  return {
    line: section.line,
    heading: `${section.numbering}${section.heading}`,
    kind: section.kind,
    aspect: null,
    items: section.items.length + sum(children, 'items'),
    paragraphs: section.paragraphs.length + sum(children, 'paragraphs'),
    children,
  };
}

function sum(nodes: readonly OutlineNode[], field: 'items' | 'paragraphs'): number {
  return nodes.reduce((total, node) => total + node[field], 0);
}

/** What the import dialog shows of an outline before anything is written. */
export function summariseOutline(outline: ParsedOutline): OutlineSummary {
  const sections = outline.sections.map(sectionNode);
  return {
    title: outline.title,
    preamble: outline.preamble.length,
    sections,
    items: sum(sections, 'items'),
  };
}
