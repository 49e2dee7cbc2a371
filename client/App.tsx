import { DocumentPage } from './features/document/DocumentPage.js';
import { HomePage } from './features/home/HomePage.js';
import { useIdentity } from './features/identity/useIdentity.js';
import { AppHeader } from './features/layout/AppHeader.js';
import { NotFoundPage } from './features/layout/NotFoundPage.js';
import { useI18n } from './i18n/i18nContext.js';
import { parseRoute } from './routing/routes.js';
import { useLocationPath } from './routing/useLocationPath.js';
import './App.css';

/** Picks the page from `location.pathname`; the server answers every client path with index.html. */
export function App() {
  const route = parseRoute(useLocationPath());
  const [identity, setIdentity] = useIdentity();
  const { t } = useI18n();

  let page;
  switch (route.page) {
    case 'home':
      page = <HomePage identity={identity} onIdentityChange={setIdentity} />;
      break;
    case 'document':
      // Keyed so that moving to another document starts from a clean editor and session.
      page = (
        <DocumentPage
          key={route.documentName}
          documentName={route.documentName}
          identity={identity}
        />
      );
      break;
    case 'invalidDocument':
      page = <NotFoundPage detail={t('document.invalidName', { name: route.rawName })} />;
      break;
    case 'notFound':
      page = <NotFoundPage />;
      break;
  }

  return (
    <div className="app">
      <AppHeader isHome={route.page === 'home'} />
      <main className="app__main">{page}</main>
    </div>
  );
}
