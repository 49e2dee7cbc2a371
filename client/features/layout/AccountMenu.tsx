import { Button } from 'antd';
import { useState } from 'react';
import type { PublicUser } from '../../../shared/auth/authSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { changePasswordPath } from '../../routing/routes.js';
import './AccountMenu.css';

interface AccountMenuProps {
  user: PublicUser;
  showPasswordLink: boolean;
  onSignOut(): Promise<void>;
}

/** Who is signed in, with the ways to change the password and to sign out. */
export function AccountMenu({ user, showPasswordLink, onSignOut }: AccountMenuProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSignOut();
    } catch (failure) {
      // Still signed in on the server: say so rather than pretend the session ended.
      setError(t('account.signOutFailed', { message: describeApiError(failure, t) }));
      setBusy(false);
    }
  };

  return (
    <div className="account-menu" aria-label={t('account.label')} role="group">
      <span className="account-menu__name" data-testid="account-name" title={user.username}>
        {user.displayName}
      </span>
      {showPasswordLink && (
        <Link
          className="account-menu__link"
          href={changePasswordPath}
          data-testid="change-password"
        >
          {t('account.changePassword')}
        </Link>
      )}
      <Button
        type="primary"
        className="account-menu__sign-out"
        data-testid="sign-out"
        disabled={busy}
        onClick={() => void signOut()}
      >
        {t('account.signOut')}
      </Button>
      {error && (
        <span className="account-menu__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
