import { Result } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import './MessagePage.css';

export interface MessagePageProps {
  title: string;
  detail?: string;
  /** Announced to screen readers at once (a refusal, not just an unknown address). */
  alert?: boolean;
  testId?: string;
}

/** A page that only says something and leads home: unknown addresses, refused pages. */
export function MessagePage({ title, detail, alert = false, testId }: MessagePageProps) {
  const { t } = useI18n();

  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title, t]);

  return (
    <div className="message-page" role={alert ? 'alert' : undefined} data-testid={testId}>
      <Result
        status={alert ? 'warning' : 'info'}
        title={<h2 className="message-page__title">{title}</h2>}
        subTitle={detail}
        extra={<Link href="/">{t('document.back')}</Link>}
      />
    </div>
  );
}
