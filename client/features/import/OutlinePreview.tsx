import { Tag } from 'antd';
import type { ParsedOutline } from '../../../shared/import/outlineTypes.js';
import type { I18n } from '../../i18n/i18nContext.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { OutlineWarnings } from './OutlineWarnings.js';
import { summariseOutline, type OutlineNode } from './outlineSummary.js';
import './OutlinePreview.css';

// Sections in the colours of what they hold, so a misread heading stands out.
const KIND_COLOURS = {
  'last-rectification': 'purple',
  problems: 'red',
  causes: 'orange',
  measures: 'green',
  other: 'default',
} as const;

// Points first: they become rectification items. Paragraphs only where there are some.
function counts(node: OutlineNode, t: I18n['t']): string {
  const parts = [];
  if (node.items > 0 || node.paragraphs === 0) {
    parts.push(t('import.preview.items', { count: node.items }));
  }
  if (node.paragraphs > 0) parts.push(t('import.preview.paragraphs', { count: node.paragraphs }));
  return parts.join(' · ');
}

// A plain function rather than a component: the tree is a few dozen rows and never updates.
function renderNodes(nodes: readonly OutlineNode[], t: I18n['t']) {
  return (
    <ul className="outline-preview__nodes">
      {nodes.map((node) => (
        <li
          key={node.line}
          className="outline-preview__node"
          data-testid={node.kind ? 'import-preview-section' : 'import-preview-subsection'}
          data-kind={node.kind ?? undefined}
          data-line={node.line}
        >
          <div className="outline-preview__row">
            {node.kind && (
              <Tag color={KIND_COLOURS[node.kind]} data-testid="import-preview-kind">
                {t(`import.kind.${node.kind}`)}
              </Tag>
            )}
            <span className="outline-preview__heading" data-testid="import-preview-heading">
              {node.heading}
            </span>
            {node.aspect !== null && (
              <Tag data-testid="import-preview-aspect">
                {t('import.preview.aspect', { aspect: node.aspect })}
              </Tag>
            )}
            <span className="outline-preview__count" data-testid="import-preview-items">
              {counts(node, t)}
            </span>
          </div>
          {node.children.length > 0 && renderNodes(node.children, t)}
        </li>
      ))}
    </ul>
  );
}

/** What an import would write, before it is written: title, sections, aspects, warnings. */
export function OutlinePreview({ outline }: { outline: ParsedOutline }) {
  const { t } = useI18n();
  const summary = summariseOutline(outline);
  return (
    <section className="outline-preview" data-testid="import-preview">
      <h3 className="outline-preview__title">{t('import.preview.heading')}</h3>
      <p className="outline-preview__line">
        <span className="outline-preview__label">{t('import.preview.title')}</span>
        <span data-testid="import-preview-title">
          {summary.title ?? t('import.preview.noTitle')}
        </span>
      </p>
      {summary.preamble > 0 && (
        <p className="outline-preview__line outline-preview__muted">
          {t('import.preview.preamble', { count: summary.preamble })}
        </p>
      )}
      {summary.sections.length > 0 ? (
        renderNodes(summary.sections, t)
      ) : (
        <p className="outline-preview__muted">{t('import.preview.noSections')}</p>
      )}
      <p className="outline-preview__muted" data-testid="import-preview-totals">
        {t('import.preview.totals', { sections: summary.sections.length, items: summary.items })}
      </p>
      <OutlineWarnings warnings={outline.warnings} />
    </section>
  );
}
