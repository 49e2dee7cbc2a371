import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import './Notice.css';

interface NoticeProps {
  tone: 'error' | 'done' | 'info';
  children: ReactNode;
  /** Offers 重试 beside the text, for a load that failed. */
  onRetry?(): void;
  'data-testid'?: string;
}

/** A one-line message in a page: a failure (announced at once), a success, or a note. */
export function Notice({ tone, children, onRetry, ...rest }: NoticeProps) {
  const { t } = useI18n();
  return (
    <p
      className={`notice notice--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={rest['data-testid']}
    >
      {children}
      {onRetry && (
        <button type="button" className="button-secondary notice__retry" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </p>
  );
}
