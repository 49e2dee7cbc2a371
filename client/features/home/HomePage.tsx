import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { documentPath, isDocumentName } from '../../routing/routes.js';
import { navigate } from '../../routing/useLocationPath.js';
import type { Identity } from '../identity/identity.js';
import { IdentityFields } from '../identity/IdentityFields.js';
import './HomePage.css';

interface HomePageProps {
  identity: Identity;
  onColourChange(colour: string): void;
}

/** `/`: open a document by name, and see (and colour) how you appear to others. */
export function HomePage({ identity, onColourChange }: HomePageProps) {
  const { t } = useI18n();
  const nameId = useId();
  const hintId = useId();
  const [documentName, setDocumentName] = useState('scratch/demo');
  const trimmed = documentName.trim();
  const valid = isDocumentName(trimmed);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (valid) navigate(documentPath(trimmed));
  };

  return (
    <div className="home-page">
      <p className="home-page__tagline">{t('app.tagline')}</p>
      <section className="home-page__card" aria-labelledby={`${nameId}-heading`}>
        <h2 id={`${nameId}-heading`}>{t('home.openHeading')}</h2>
        <form className="home-page__open" onSubmit={open} noValidate>
          <label htmlFor={nameId}>{t('home.documentName')}</label>
          <div className="home-page__open-row">
            <input
              id={nameId}
              data-testid="document-name"
              value={documentName}
              onChange={(event) => setDocumentName(event.target.value)}
              aria-describedby={hintId}
              aria-invalid={!valid}
              spellCheck={false}
              autoCapitalize="off"
            />
            <button type="submit" data-testid="open-document" disabled={!valid}>
              {t('home.open')}
            </button>
          </div>
          <p id={hintId} className={valid ? 'home-page__hint' : 'home-page__hint--error'}>
            {valid ? t('home.documentNameHint') : t('home.documentNameInvalid')}
          </p>
        </form>
      </section>
      <section className="home-page__card">
        <h2>{t('identity.heading')}</h2>
        <p className="home-page__hint">{t('identity.hint')}</p>
        <IdentityFields identity={identity} onColourChange={onColourChange} />
      </section>
    </div>
  );
}
