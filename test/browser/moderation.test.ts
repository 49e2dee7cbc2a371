import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken } from '../helpers/apiClient.js';
import {
  besideScreenshot,
  newPageRecord,
  newPerson as openPerson,
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

// SCREENSHOT_PATH=mod.png keeps the panel, the participant's page and the projector beside it.

// The standard cast's secretary, recorder, member and deputy: the secretary hosts and takes
// part; the criticism round starts with them.
const cast = STANDARD_CAST.slice(0, 4);

/** Waits for `read` to give the expected value, as long as the pages wait for anything. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: WAIT_MS });

/** Resolves once the element's text differs from what it is now: the clock is running. */
async function textChanges(locator: Locator): Promise<void> {
  const element = await locator.elementHandle();
  const before = await element!.textContent();
  await locator
    .page()
    .waitForFunction(([el, text]) => el!.textContent !== text, [element, before] as const, {
      timeout: WAIT_MS,
    });
}

describe('the moderator panel, the participant bar and the projector in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let fixture: MeetingFixture;
  let meetingUrl: string;
  let host: BrowserPerson;
  let member: BrowserPerson;
  let projector: BrowserPerson;
  const record = newPageRecord();

  const id = (key: string) => fixture.people[key]!.id;

  /** Opens the meeting as the fixture's person `key`, signed in. */
  async function newPerson(label: string, key: string, width = 1366, height = 768) {
    const person = await openPerson(browser, record, label, { width, height });
    await person.page.goto(meetingUrl);
    await signIn(person.page, fixture.people[key]!.username, FIXTURE_PASSWORD);
    await person.page.getByTestId('meeting-title').waitFor();
    return person;
  }

  const orderItems = (page: Page) => page.getByTestId('speaking-order').getByTestId('order-item');
  const attendanceRow = (page: Page, key: string) =>
    page.locator(`[data-testid="attendance-row"][data-user-id="${id(key)}"]`);

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'mod',
      cast,
      statuses: ['open'],
    });
    fixture.meeting = await setMeetingStatus(server, fixture, 'in-progress');
    meetingUrl = `${server.url}/meetings/${fixture.meeting.id}`;
    browser = await launchChromium();
    host = await newPerson('host', 'secretary');
    member = await newPerson('member', 'member');
    // The room's second screen, opened by the host on another window.
    projector = await newPerson('projector', 'secretary', 1920, 1080);
  });

  afterAll(async () => {
    await host?.context.close();
    await member?.context.close();
    await projector?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the host open the panel, start the criticism round and its first speech', async () => {
    const { page } = host;
    await page.getByTestId('open-moderation').click();
    await page.getByTestId('moderate-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/meetings/${fixture.meeting.id}/moderate`);

    const round = page.locator('[data-testid="phase-item"][data-phase-kind="criticism-round"]');
    await round.getByTestId('phase-start').click();
    await page
      .locator('[data-testid="phase-item"][data-phase-kind="criticism-round"][data-current="true"]')
      .waitFor();
    // Each of the four in turn: self-criticism, three criticisms, response; the secretary first.
    await poll(() => orderItems(page).count()).toBe(20);
    const first = orderItems(page).first();
    expect(await first.getAttribute('data-speaker-id')).toBe(String(id('secretary')));
    expect(await first.getAttribute('data-kind')).toBe('self-criticism');

    await page.getByTestId('speech-start').click();
    await poll(() => page.getByTestId('current-speaker').textContent()).toBe('王书记');
    expect(await page.getByTestId('current-label').textContent()).toBe('作个人对照检查');
    expect(await orderItems(page).count()).toBe(19);
    const clock = page.getByTestId('speech-controls').getByTestId('countdown');
    expect(await clock.getAttribute('data-state')).toBe('running');
    await textChanges(clock);
  });

  it("shows the speaker, a running countdown and who is next on a participant's page", async () => {
    const { page } = member;
    const bar = page.getByTestId('meeting-bar');
    await poll(() => bar.getByTestId('bar-speaker').textContent()).toBe('王书记');
    expect(await bar.getByTestId('bar-label').textContent()).toBe('作个人对照检查');
    const clock = bar.getByTestId('countdown');
    await textChanges(clock);
    // Whoever the host sees as next, the participant does too.
    const hostNext = await host.page.getByTestId('next-speaker').textContent();
    expect(await bar.getByTestId('bar-next').textContent()).toBe(hostNext);
    // Compact: one line at 1366 px.
    const box = await bar.boundingBox();
    expect(box!.height).toBeLessThan(60);
    if (besideScreenshot('participant')) {
      await page.screenshot({ path: besideScreenshot('participant')! });
    }
  });

  it('shows the meeting, the speaker, a running countdown and the next three on the projector', async () => {
    const { page } = projector;
    await page.goto(`${meetingUrl}/projector`);
    const screen = page.getByTestId('projector');
    await poll(() => screen.getByTestId('projector-speaker').textContent()).toBe('王书记');
    expect(await screen.getByTestId('projector-title').textContent()).toBe(fixture.meeting.title);
    expect(await screen.getByTestId('projector-theme').textContent()).toBe(fixture.meeting.theme);
    expect(await screen.getByTestId('projector-phase').textContent()).toBe(
      '个人对照检查与相互批评',
    );
    expect(await screen.getByTestId('projector-label').textContent()).toBe('作个人对照检查');
    const clock = screen.getByTestId('countdown');
    await textChanges(clock);
    const next = screen.getByTestId('projector-next-item');
    expect(await next.count()).toBe(3);
    // The next three are the host's next three, in order.
    for (let i = 0; i < 3; i += 1) {
      const speaker = await orderItems(host.page).nth(i).getByTestId('order-speaker').textContent();
      expect(await next.nth(i).textContent()).toContain(speaker);
    }
    // No app header on the room's screen.
    expect(await page.locator('.app-header').count()).toBe(0);
    if (besideScreenshot('projector')) {
      await page.screenshot({ path: besideScreenshot('projector')! });
    }
  });

  it('keeps the bar above a document, and the minutes carry the heading of the speech', async () => {
    const { page } = member;
    const minutes = `m/${fixture.meeting.id}/minutes`;
    await page.locator(`[data-testid="document-link"][data-document="${minutes}"]`).click();
    await page.getByTestId('editor').waitFor();
    // Written by the server when the speech started: `14:05 王书记 作个人对照检查`.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="editor"] :is(h1, h2, h3, h4, h5, h6)')].some(
          (heading) => /^\d\d:\d\d 王书记 作个人对照检查$/.test(heading.textContent ?? ''),
        ),
      undefined,
      { timeout: WAIT_MS },
    );
    const bar = page.getByTestId('meeting-bar');
    expect(await bar.getByTestId('bar-speaker').textContent()).toBe('王书记');
    await textChanges(bar.getByTestId('countdown'));
    if (besideScreenshot('document')) {
      await page.screenshot({ path: besideScreenshot('document')! });
    }
  });

  it('lets a participant raise a hand that the host accepts into the order', async () => {
    const bar = member.page.getByTestId('meeting-bar');
    const criticisms = host.page.locator(
      `[data-testid="order-item"][data-speaker-id="${id('member')}"][data-kind="criticism"]`,
    );
    const before = await criticisms.count();

    // The secretary is giving their self-criticism: a hand to criticise is about them.
    await bar.getByTestId('bar-raise-criticism').click();
    await poll(() => bar.getByTestId('bar-hand-raised').textContent()).toContain('批评 王书记');

    const hand = host.page.locator(`[data-testid="hand-item"][data-user-id="${id('member')}"]`);
    await hand.waitFor();
    expect(await hand.textContent()).toContain('张党员');
    expect(await hand.textContent()).toContain('批评 王书记');
    await hand.getByTestId('hand-accept').click();
    await hand.waitFor({ state: 'detached' });
    await poll(() => criticisms.count()).toBe(before + 1);
    // The hand is down on the participant's side too.
    await bar.getByTestId('bar-raise-speak').waitFor();
    expect(await bar.getByTestId('bar-hand-raised').count()).toBe(0);
  });

  it("records a participant's sign-in in the host's attendance, with the two-thirds rule", async () => {
    const row = attendanceRow(host.page, 'member');
    const quorum = host.page.getByTestId('quorum');
    expect(await row.getAttribute('data-status')).toBe('unmarked');
    expect(await quorum.getAttribute('data-present')).toBe('0');
    expect(await quorum.getAttribute('data-expected')).toBe('4');
    await host.page.getByTestId('quorum-warning').waitFor();

    await member.page.getByTestId('bar-sign-in').click();
    await member.page.getByTestId('bar-signed-in').waitFor();
    await poll(() => row.getAttribute('data-status')).toBe('present');
    expect(await row.getByTestId('attendance-signed-in').textContent()).toMatch(/^\d\d:\d\d$/);
    expect(await quorum.getAttribute('data-present')).toBe('1');

    // Two of four present is still short of two thirds; three is enough.
    await attendanceRow(host.page, 'secretary').getByTestId('attendance-present').click();
    await poll(() => quorum.getAttribute('data-present')).toBe('2');
    expect(await host.page.getByTestId('quorum-warning').count()).toBe(1);
    await attendanceRow(host.page, 'deputy').getByTestId('attendance-present').click();
    await poll(() => quorum.getAttribute('data-present')).toBe('3');
    expect(await host.page.getByTestId('quorum-warning').count()).toBe(0);
    expect(await quorum.getAttribute('data-enough')).toBe('true');
    if (besideScreenshot('panel')) {
      await host.page.screenshot({ path: besideScreenshot('panel')! });
    }
  });

  it('lets the host drag a speech to the top, and the participant sees it is their turn', async () => {
    const { page } = host;
    const bar = member.page.getByTestId('meeting-bar');
    const mine = page
      .locator(`[data-testid="order-item"][data-speaker-id="${id('member')}"]`)
      .first();
    const speechId = await mine.getAttribute('data-speech-id');
    if ((await orderItems(page).first().getAttribute('data-speech-id')) === speechId) {
      throw new Error('expected the member not to be first already');
    }
    // Both handles in view: the last test left the page scrolled down to the attendance.
    await orderItems(page).first().scrollIntoViewIfNeeded();
    await mine.scrollIntoViewIfNeeded();
    const from = (await mine.getByTestId('order-handle').boundingBox())!;
    const to = (await orderItems(page).first().getByTestId('order-handle').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 12 });
    await page.mouse.move(to.x + to.width / 2, to.y + 1, { steps: 2 });
    await page.mouse.up();

    await poll(() => orderItems(page).first().getAttribute('data-speech-id')).toBe(speechId);
    await poll(() => bar.getByTestId('bar-my-turn').getAttribute('data-turn')).toBe('next');
    expect(await bar.getByTestId('bar-my-turn').textContent()).toBe('您是下一位');

    await page.getByTestId('speech-next').click();
    await poll(() => page.getByTestId('current-speaker').textContent()).toBe('张党员');
    await poll(() => bar.getByTestId('bar-my-turn').getAttribute('data-turn')).toBe('now');
    expect(await bar.getByTestId('bar-my-turn').textContent()).toBe('轮到您了');
    await poll(() => projector.page.getByTestId('projector-speaker').textContent()).toBe('张党员');
    // The finished speech is in the log.
    const log = page.getByTestId('speech-log').getByTestId('log-item');
    await poll(() => log.count()).toBe(1);
    expect(await log.first().textContent()).toContain('王书记');
  });

  it('raised no page error', () => {
    expect(record.pageErrors).toEqual([]);
  });
});
