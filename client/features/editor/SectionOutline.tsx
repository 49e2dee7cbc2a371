import type { Editor } from '@tiptap/core';
import type { SectionCount } from '../../../shared/editor/characterCount.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { headingPosition } from './headingPosition.js';
import './SectionOutline.css';

interface SectionOutlineProps {
  editor: Editor;
  sections: readonly SectionCount[];
  /** Formats a count the way the page's language writes numbers (1,234). */
  formatCount(count: number): string;
}

/**
 * The document's 一、 sections and their （一） sub-sections with each one's 字数, to see how
 * long each part has grown and to jump to it.
 */
export function SectionOutline({ editor, sections, formatCount }: SectionOutlineProps) {
  const { t } = useI18n();

  const goTo = (section: SectionCount) => {
    const position = headingPosition(editor.state.doc, section.blockIndex, section.title);
    if (position === null) return;
    const heading = editor.view.nodeDOM(position);
    // Scrolling only: moving the caret would also move it for everyone watching it.
    if (heading instanceof HTMLElement) heading.scrollIntoView({ block: 'start' });
  };

  const item = (section: SectionCount, sub: boolean) => (
    <li key={section.blockIndex}>
      <button
        type="button"
        className={`section-outline__item${sub ? ' section-outline__item--sub' : ''}`}
        data-testid={sub ? 'outline-subsection' : 'outline-section'}
        title={section.title}
        onClick={() => goTo(section)}
      >
        <span className="section-outline__title">{section.title}</span>
        <span className="section-outline__count" data-testid="outline-count">
          {t('editor.outline.count', { count: formatCount(section.characters) })}
        </span>
      </button>
      {section.subsections.length > 0 && (
        <ol className="section-outline__list">
          {section.subsections.map((subsection) => item(subsection, true))}
        </ol>
      )}
    </li>
  );

  return (
    <nav
      className="section-outline"
      aria-label={t('editor.outline.label')}
      data-testid="section-outline"
    >
      <h2 className="section-outline__heading">{t('editor.outline.label')}</h2>
      <ol className="section-outline__list">{sections.map((section) => item(section, false))}</ol>
    </nav>
  );
}
