import type { SectionKind } from './outlineTypes.js';

// In this order: 整改落实情况 and 整改情况 report on last year's rectification before they are
// a measure (整改), and 产生问题的原因 is about causes before it is about problems.
const KIND_WORDS: readonly (readonly [SectionKind, readonly string[]])[] = [
  [
    'last-rectification',
    ['上年度', '上一年度', '上次民主生活会', '上次组织生活会', '整改落实情况', '整改情况'],
  ],
  ['causes', ['原因', '根源', '剖析']],
  ['measures', ['措施', '努力方向', '整改', '改进']],
  ['problems', ['问题', '不足', '差距']],
];

/** What a 一、 section is about, from the words of its heading. */
export function sectionKind(heading: string): SectionKind {
  for (const [kind, words] of KIND_WORDS) {
    if (words.some((word) => heading.includes(word))) return kind;
  }
  return 'other';
}

const QUOTES = /[“”‘’"'「」『』]/g;

/**
 * The aspect a problems heading names: `理论学习` from `在理论学习方面`, `“严格组织生活”方面`,
 * `理论学习方面存在的问题` or `在理论学习上`; null for a heading that names no aspect (a
 * problem stated as a heading, `学习不够深入`).
 */
export function headingAspect(heading: string): string | null {
  const text = heading.replace(QUOTES, '').trim();
  const facet = text.indexOf('方面');
  let aspect: string | null = null;
  if (facet > 0) aspect = text.slice(0, facet);
  else if (/^在.+上$/.test(text)) aspect = text.slice(0, -1);
  if (aspect === null) return null;
  aspect = aspect.replace(/^(在|关于|对照|聚焦)/, '').trim();
  return aspect === '' ? null : aspect;
}
