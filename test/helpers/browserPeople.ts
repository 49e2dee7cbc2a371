import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';

/**
 * How long any wait of a browser test lasts before it gives up: a guard, not an expectation
 * (a wait ends as soon as the page shows what it waits for). Generous, because two suites on
 * one 2-core machine made a 10 MB file's refusal take over 15 s to appear.
 */
export const WAIT_MS = 45_000;

/** The admin's pages are taller than a laptop's default 1366×768. */
export const ADMIN_VIEWPORT = { width: 1366, height: 900 };

/** One person in Chromium: a context of their own (own cookies and storage) and its page. */
export interface BrowserPerson {
  context: BrowserContext;
  page: Page;
}

/** What every page of one test asked for and raised, for the test's last checks. */
export interface PageRecord {
  requestedUrls: string[];
  socketUrls: string[];
  pageErrors: string[];
}

export function newPageRecord(): PageRecord {
  return { requestedUrls: [], socketUrls: [], pageErrors: [] };
}

/**
 * Opens a new person at 1366×768 (or `viewport`) whose waits give up after WAIT_MS;
 * their requests, sockets and page errors (prefixed with `label`) go to `record`.
 */
export async function newPerson(
  browser: Browser,
  record: PageRecord,
  label: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<BrowserPerson> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(WAIT_MS);
  context.on('request', (request) => record.requestedUrls.push(request.url()));
  context.on('page', (page) =>
    page.on('websocket', (socket) => record.socketUrls.push(socket.url())),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => record.pageErrors.push(`${label}: ${error.message}`));
  return { context, page };
}

/** Fills in and sends the sign-in page the app shows. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** The requests of `urls` that went anywhere but the test server (data: URLs stay in the page). */
export function requestsElsewhere(urls: readonly string[], serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/** With SCREENSHOT_PATH=shot.png, where the picture `suffix` goes: shot-<suffix>.png. */
export function besideScreenshot(suffix: string): string | undefined {
  return process.env.SCREENSHOT_PATH?.replace(/(\.png)?$/, `-${suffix}.png`);
}

/**
 * A suite's last test: its pages made requests, all of them to the app's own origin (the
 * intranet rule), and raised no page error.
 */
export function itStayedOnItsOrigin(record: PageRecord, serverUrl: () => string): void {
  it('made no request to any other origin and raised no page error', () => {
    expect(record.requestedUrls.length).toBeGreaterThan(0);
    expect(requestsElsewhere(record.requestedUrls, serverUrl())).toEqual([]);
    expect(record.pageErrors).toEqual([]);
  });
}
