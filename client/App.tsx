import { SignedInApp } from './SignedInApp.js';
import { SessionUnavailable } from './features/auth/SessionUnavailable.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { useSession } from './features/auth/useSession.js';
import { parseRoute } from './routing/routes.js';
import { useLocationPath } from './routing/useLocationPath.js';
import './App.css';

/**
 * The server decides what is shown: sign-in for nobody, then the page for `location.pathname`
 * (the server answers every client path with index.html). No editor, and so no sync socket,
 * opens before sign-in.
 */
export function App() {
  const route = parseRoute(useLocationPath());
  const session = useSession();
  const { state } = session;

  let content;
  switch (state.phase) {
    case 'loading':
      // One same-origin request: a blank moment reads better than a flash of the sign-in form.
      content = null;
      break;
    case 'unavailable':
      content = <SessionUnavailable error={state.error} onRetry={session.refresh} />;
      break;
    case 'signedOut':
      content = <SignInPage onSignedIn={session.setUser} />;
      break;
    case 'signedIn':
      content = (
        // Keyed by account: the next person to sign in on this page starts with fresh state.
        <SignedInApp
          key={state.user.id}
          route={route}
          user={state.user}
          onUserChange={session.setUser}
          onSignOut={session.signOut}
        />
      );
      break;
  }

  return (
    <div className="app" aria-busy={state.phase === 'loading'}>
      {content}
    </div>
  );
}
