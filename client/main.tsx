/// <reference types="vite/client" />
// First: it configures zod before any schema is built.
import './zodWithoutEval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { UiKitProvider } from './features/layout/UiKitProvider.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { registerServiceWorker } from './offline/registerServiceWorker.js';
import { reloadOnStaleBuild } from './routing/reloadOnStaleBuild.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <UiKitProvider>
        <App />
      </UiKitProvider>
    </I18nProvider>
  </StrictMode>,
);

// Built app only: in development Vite serves modules that change under a cache's feet. At once
// rather than after `load`, so that the worker takes this page over before the person goes
// offline and reloads.
if (import.meta.env.PROD) registerServiceWorker();

// Pages load their code when first opened: after a deployment, reload for the new build's.
reloadOnStaleBuild();
