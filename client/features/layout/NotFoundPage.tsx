import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import './NotFoundPage.css';

/** Shown for paths the app does not know and for document names the server would refuse. */
export function NotFoundPage({ detail }: { detail?: string }) {
  const { t } = useI18n();
  return (
    <div className="not-found-page">
      <h2>{t('notFound.title')}</h2>
      {detail && <p>{detail}</p>}
      <Link href="/">{t('document.back')}</Link>
    </div>
  );
}
