import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, NEW_ADMIN_PASSWORD } from '../helpers/apiClient.js';
import {
  newPageRecord,
  newPerson,
  signIn,
  itStayedOnItsOrigin,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import {
  createMeetingFixture,
  FIXTURE_PASSWORD,
  STANDARD_CAST,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

/** Each violation the page reported, as `directive blocked-uri`. */
declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe('the pages under the strict Content-Security-Policy', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let browser: Browser;
  let member: BrowserPerson;
  const record = newPageRecord();
  const consoleCsp: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'csp',
      cast: STANDARD_CAST.slice(0, 3),
      statuses: ['open'],
    });
    browser = await launchChromium();
    member = await newPerson(browser, record, 'member');
    // Every page records what the browser refused, from before its first script runs.
    await member.context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    member.page.on('console', (message) => {
      if (/content security policy|unsafe-eval/i.test(message.text())) {
        consoleCsp.push(message.text());
      }
    });
  });
  afterAll(async () => {
    await member?.context.close();
    await browser?.close();
    await server?.close();
  });

  const violations = () => member.page.evaluate(() => window.cspViolations ?? []);

  it('keeps script-src without unsafe-eval', async () => {
    const res = await fetch(`${server.url}/`);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toContain('unsafe-eval');
  });

  it('signs in, shows the home page and a document with no violation', async () => {
    const { page } = member;
    await page.goto(`${server.url}/`);
    await signIn(page, fixture.people.member!.username, FIXTURE_PASSWORD);
    await page
      .getByTestId('my-meetings')
      .getByRole('link', { name: fixture.meeting.title })
      .waitFor();
    expect(await violations()).toEqual([]);

    await page.goto(`${server.url}/meetings/${fixture.meeting.id}/docs/collective`);
    await page.locator('[data-testid="editor"][contenteditable]').waitFor();
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  itStayedOnItsOrigin(record, () => server.url);
});
