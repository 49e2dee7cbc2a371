import { Tag } from 'antd';
import type { OutlineWarning } from '../../../shared/import/outlineTypes.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './OutlineWarnings.css';

// The parser's messages open with 第N行; the tag before each says the line already.
const LINE_PREFIX = /^第\d+行起?[：:]?/;

/** The numbering the parser found broken, each with the line to look at. */
export function OutlineWarnings({ warnings }: { warnings: readonly OutlineWarning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) {
    return (
      <p className="outline-warnings__none" data-testid="import-warnings-none">
        {t('import.warnings.none')}
      </p>
    );
  }
  return (
    <section className="outline-warnings" data-testid="import-warnings">
      <h4 className="outline-warnings__heading">
        {t('import.warnings.heading', { count: warnings.length })}
      </h4>
      <ul className="outline-warnings__list">
        {warnings.map((warning) => (
          <li
            key={`${warning.line}-${warning.code}-${warning.message}`}
            className="outline-warnings__item"
            data-testid="import-warning"
            data-line={warning.line}
            data-code={warning.code}
          >
            <Tag color="warning" className="outline-warnings__line">
              {t('import.warnings.line', { line: warning.line })}
            </Tag>
            <span>{warning.message.replace(LINE_PREFIX, '')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
