import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken } from '../helpers/apiClient.js';
import {
  newPageRecord,
  newPerson,
  signIn,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import {
  createMeetingFixture,
  FIXTURE_PASSWORD,
  setMeetingStatus,
  STANDARD_CAST,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

/** Written on every run, for people to look at; git-ignored. */
const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test-artifacts/screenshots',
);

/** A laptop in the meeting room, and the room's projector. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Chunks that only a meeting, a document, the panel or the projector may fetch. */
const LATER_CHUNK =
  /\/assets\/(vendor-(editor|socket|dnd)|MeetingPage|DocumentPage|ModeratePage|ProjectorPage)-/;

const TYPED = '张党员：对照检查，立行立改。';

/** The origin a request or WebSocket URL goes to, ws: counted as http: (same server). */
function originOf(url: string): string {
  return new URL(url.replace(/^ws(s?):/, 'http$1:')).origin;
}

/** Waits for `read` to give the expected value, as long as the pages wait for anything. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: WAIT_MS });

/** Whether the page fits its viewport's width: nothing cut off or scrolled sideways. */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Whether the element is shown whole inside the viewport. */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  );
}

describe('the workspace: its own origin only, and screenshots at laptop and projector size', () => {
  let server: TestServer;
  let browser: Browser;
  let fixture: MeetingFixture;
  let meetingUrl: string;
  let member: BrowserPerson;
  let host: BrowserPerson;
  let projector: Page;
  const memberRecord = newPageRecord();
  const hostRecord = newPageRecord();

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'ws',
      cast: STANDARD_CAST.slice(0, 4),
      statuses: ['open'],
    });
    fixture.meeting = await setMeetingStatus(server, fixture, 'in-progress');
    meetingUrl = `${server.url}/meetings/${fixture.meeting.id}`;
    browser = await launchChromium();
    member = await newPerson(browser, memberRecord, 'member');
    host = await newPerson(browser, hostRecord, 'host');
  });

  afterAll(async () => {
    await member?.context.close();
    await host?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows sign-in and the home page without fetching the editor or the live channels', async () => {
    const { page } = member;
    await page.goto(`${server.url}/`);
    await signIn(page, fixture.people['member']!.username, FIXTURE_PASSWORD);
    await page
      .getByTestId('my-meetings')
      .getByRole('link', { name: fixture.meeting.title })
      .waitFor();
    expect(memberRecord.requestedUrls.filter((url) => LATER_CHUNK.test(url))).toEqual([]);
    expect(memberRecord.socketUrls).toEqual([]);
  });

  it('lets the host start the first speech from the panel and open the projector', async () => {
    const { page } = host;
    await page.goto(meetingUrl);
    await signIn(page, fixture.people['secretary']!.username, FIXTURE_PASSWORD);
    await page.getByTestId('open-moderation').click();
    await page.getByTestId('moderate-page').waitFor();
    const round = '[data-testid="phase-item"][data-phase-kind="criticism-round"]';
    await page.locator(round).getByTestId('phase-start').click();
    await page.locator(`${round}[data-current="true"]`).waitFor();
    await page.getByTestId('speech-start').click();
    await poll(() => page.getByTestId('current-speaker').textContent()).toBe('王书记');

    // The projector opens in a window of its own, to be dragged onto the second screen.
    const [popup] = await Promise.all([
      host.context.waitForEvent('page'),
      page.getByTestId('open-projector').click(),
    ]);
    projector = popup;
    projector.on('pageerror', (error) => hostRecord.pageErrors.push(`projector: ${error.message}`));
    await poll(() => projector.getByTestId('projector-speaker').textContent()).toBe('王书记');
  });

  it('lets the member open the meeting and their own material, and type in it', async () => {
    const { page } = member;
    await page
      .getByTestId('my-meetings')
      .getByRole('link', { name: fixture.meeting.title })
      .click();
    await page.getByTestId('meeting-title').waitFor();
    const self = `m/${fixture.meeting.id}/self/${fixture.people['member']!.id}`;
    await page.locator(`[data-testid="document-link"][data-document="${self}"]`).click();
    await page.getByTestId('connection-status').filter({ hasText: '已连接' }).waitFor();
    await page.getByTestId('editor').click();
    await page.keyboard.type(TYPED);
    await page.getByTestId('editor').getByText(TYPED).waitFor();
    // The editor came when the document was opened, not before.
    expect(memberRecord.requestedUrls.some((url) => /\/assets\/vendor-editor-/.test(url))).toBe(
      true,
    );
  });

  it("shows the host, on the meeting's page, who is in which document, in the workspace's groups", async () => {
    const { page } = host;
    await page.goto(meetingUrl);
    const list = page.getByTestId('document-list');
    await list.waitFor();
    expect(
      await list
        .locator('[data-group]')
        .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-group'))),
    ).toEqual(['collective', 'mySelf', 'otherSelf', 'critique', 'minutes', 'myNotes']);
    const self = `m/${fixture.meeting.id}/self/${fixture.people['member']!.id}`;
    const present = list.locator(`li[data-document="${self}"]`).getByTestId('document-presence');
    await poll(() => present.getAttribute('data-user-ids')).toBe(
      String(fixture.people['member']!.id),
    );
    expect(await present.getAttribute('aria-label')).toBe('正在查看：张党员');
    // Nobody else is anywhere.
    expect(await list.getByTestId('document-presence').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, 'workspace-meeting-1366x768.png') });
  });

  for (const size of SIZES) {
    const label = `${size.width}x${size.height}`;

    it(`shows the document workspace whole at ${label}`, async () => {
      const { page } = member;
      await page.setViewportSize(size);
      const editor = page.getByTestId('editor');
      await page.getByTestId('document-title').waitFor();
      expect(await editor.isVisible()).toBe(true);
      expect(await editor.getByText(TYPED).isVisible()).toBe(true);
      expect(await editor.getAttribute('contenteditable')).toBe('true');
      // Who speaks stays in view of those writing.
      const bar = page.getByTestId('meeting-bar');
      expect(await bar.getByTestId('bar-speaker').textContent()).toBe('王书记');
      expect(await inViewport(bar)).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: path.join(screenshotDir, `workspace-document-${label}.png`) });
    });

    it(`shows the current speaker and the clock on the projector at ${label}`, async () => {
      await projector.setViewportSize(size);
      const screen = projector.getByTestId('projector');
      expect(await screen.getByTestId('projector-title').textContent()).toBe(fixture.meeting.title);
      expect(await screen.getByTestId('projector-speaker').textContent()).toBe('王书记');
      // Nothing the room must read is cut off by the screen's edge.
      for (const id of ['projector-title', 'projector-speaker', 'countdown', 'projector-next']) {
        expect(await inViewport(screen.getByTestId(id)), id).toBe(true);
      }
      expect(await fitsWidth(projector)).toBe(true);
      await projector.screenshot({
        path: path.join(screenshotDir, `workspace-projector-${label}.png`),
      });
    });
  }

  it("reloads for the new build when a page's code is gone since the app was opened", async () => {
    const lateRecord = newPageRecord();
    const late = await newPerson(browser, lateRecord, 'deputy');
    try {
      await late.page.goto(`${server.url}/`);
      await signIn(late.page, fixture.people['deputy']!.username, FIXTURE_PASSWORD);
      const link = late.page.getByTestId('my-meetings').getByRole('link', {
        name: fixture.meeting.title,
      });
      // As after a deployment: the meeting page's chunk of the build this page runs is gone,
      // until the page loads again.
      let loads = 0;
      late.page.on('load', () => (loads += 1));
      await late.context.route(/\/assets\/MeetingPage-[^/]+\.js$/, (route) =>
        loads === 0 ? route.fulfill({ status: 404 }) : route.continue(),
      );
      await link.click();
      await late.page.getByTestId('meeting-title').waitFor();
      expect(loads).toBe(1);
      expect(new URL(late.page.url()).pathname).toBe(`/meetings/${fixture.meeting.id}`);
      // The failed import, if anything, before the page went.
      for (const error of lateRecord.pageErrors) expect(error).toMatch(/dynamically imported/);
    } finally {
      memberRecord.requestedUrls.push(...lateRecord.requestedUrls);
      await late.context.close();
    }
  });

  it('made every request and opened every socket to its own origin, with no page error', () => {
    const origin = new URL(server.url).origin;
    const requests = [...memberRecord.requestedUrls, ...hostRecord.requestedUrls];
    const sockets = [...memberRecord.socketUrls, ...hostRecord.socketUrls];
    // Both the document's sync channel and the meeting channel were opened and are checked.
    expect(sockets.some((url) => new URL(url).pathname.startsWith('/yjs/'))).toBe(true);
    expect(sockets.some((url) => new URL(url).pathname.startsWith('/socket.io/'))).toBe(true);
    const elsewhere = [...requests, ...sockets].filter(
      (url) => !url.startsWith('data:') && originOf(url) !== origin,
    );
    expect(elsewhere).toEqual([]);
    expect([...memberRecord.pageErrors, ...hostRecord.pageErrors]).toEqual([]);
  });
});
