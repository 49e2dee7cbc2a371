import { Alert, Button } from 'antd';
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

const ALERT_TYPE = { error: 'error', done: 'success', info: 'info' } as const;

/** A one-line message in a page: a failure, a success, or a note. */
export function Notice({ tone, children, onRetry, ...rest }: NoticeProps) {
  const { t } = useI18n();
  return (
    <Alert
      className="notice"
      type={ALERT_TYPE[tone]}
      showIcon={tone !== 'info'}
      title={children}
      data-testid={rest['data-testid']}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
