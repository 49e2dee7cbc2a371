import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium; playwright-core downloads no browser of its own. */
export const chromiumPath = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the Chromium the browser project shares (test/browser/sharedChromium.ts). */
    chromiumEndpoint: string;
  }
}

/**
 * A headless Chromium for all of a run's browser tests, launched once by the browser project's
 * globalSetup. Background networking is off so it only talks to us.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium`,
    );
  }
  return chromium.launchServer({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * A connection to the run's shared Chromium: a test file's own contexts and pages, which its
 * `close()` ends, without the cost of starting Chromium for every file.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}
