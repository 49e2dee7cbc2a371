import { Button } from 'antd';
import type { ApiError } from '../../api/ApiError.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './SessionUnavailable.css';

/** The server could not say who is signed in (down, or failing): say so and offer to ask again. */
export function SessionUnavailable({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <div className="session-unavailable" role="alert">
      <h1 className="session-unavailable__title">{t('app.title')}</h1>
      <p>{t('session.loadFailed', { message: describeApiError(error, t) })}</p>
      <Button type="primary" onClick={onRetry}>
        {t('session.retry')}
      </Button>
    </div>
  );
}
