import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import './NoPermissionPage.css';

/** An address the signed-in user may not open (an admin page, typed in by someone else). */
export function NoPermissionPage() {
  const { t } = useI18n();

  useEffect(() => {
    document.title = `${t('admin.noPermission')} · ${t('app.title')}`;
  }, [t]);

  return (
    <div className="no-permission-page" role="alert" data-testid="no-permission">
      <h2>{t('admin.noPermission')}</h2>
      <p>{t('admin.noPermissionDetail')}</p>
      <Link href="/">{t('document.back')}</Link>
    </div>
  );
}
