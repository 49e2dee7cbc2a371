import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken, api } from '../helpers/apiClient.js';
import { CHECKING_MATERIAL } from '../helpers/checkingMaterial.js';
import {
  itStayedOnItsOrigin,
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

// The secretary hosts and verifies; the recorder keeps the minutes; 张党员 owns an item; the
// deputy is in the meeting too.
const cast = STANDARD_CAST.slice(0, 4);

const spokenProblem = '理论学习不够系统，学用结合不紧';
const minutesText = '会上指出：联系群众不够经常，调查研究浮于表面';
const progressNote = '已制定走访计划，完成首轮走访';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: WAIT_MS });

describe('整改事项 in Chromium: recorded in the meeting, tracked, closed off, in the ledger', () => {
  let server: TestServer;
  let browser: Browser;
  let fixture: MeetingFixture;
  let meetingUrl: string;
  let host: BrowserPerson;
  let recorder: BrowserPerson;
  let member: BrowserPerson;
  const record = newPageRecord();

  const id = (key: string) => fixture.people[key]!.id;
  const rows = (page: Page) => page.getByTestId('rect-card').getByTestId('rect-row');
  const row = (page: Page, text: string): Locator =>
    rows(page).filter({ has: page.getByTestId('rect-problem-text').filter({ hasText: text }) });

  async function newPerson(label: string, key: string): Promise<BrowserPerson> {
    const person = await openPerson(browser, record, label);
    await person.page.goto(meetingUrl);
    await signIn(person.page, fixture.people[key]!.username, FIXTURE_PASSWORD);
    await person.page.getByTestId('meeting-title').waitFor();
    return person;
  }

  /** Opens the item in the row's drawer and waits for its details. */
  async function openItem(page: Page, text: string): Promise<Locator> {
    await row(page, text).getByTestId('rect-open').click();
    const drawer = page.getByTestId('rect-drawer');
    await drawer.getByTestId('rect-facts').waitFor();
    return drawer;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'rect',
      cast,
      statuses: ['open'],
    });
    fixture.meeting = await setMeetingStatus(server, fixture, 'in-progress');
    meetingUrl = `${server.url}/meetings/${fixture.meeting.id}`;
    browser = await launchChromium();
    host = await newPerson('host', 'secretary');
    recorder = await newPerson('recorder', 'recorder');
    member = await newPerson('member', 'member');
  });

  afterAll(async () => {
    for (const person of [host, recorder, member]) await person?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the host record an item from the panel during a speech, prefilled with the speaker', async () => {
    const { page } = host;
    await page.getByTestId('open-moderation').click();
    await page.getByTestId('moderate-page').waitFor();
    const round = page.locator('[data-testid="phase-item"][data-phase-kind="criticism-round"]');
    await round.getByTestId('phase-start').click();
    await page.getByTestId('speech-start').click();
    await poll(() => page.getByTestId('current-speaker').textContent()).toBe('王书记');

    await page.getByTestId('rect-from-speech').click();
    const dialog = page.getByTestId('rect-new-dialog');
    await dialog.waitFor();
    // The secretary's own self-criticism: theirs to rectify, found by 自查.
    expect(await dialog.getByTestId('rect-owner').inputValue()).toBe(String(id('secretary')));
    expect(await dialog.getByTestId('rect-source').inputValue()).toBe('self-check');
    expect(await dialog.getByTestId('rect-origin').textContent()).toContain('王书记');
    await dialog.getByTestId('rect-problem').fill(spokenProblem);
    // Past already: the ledger shows it overdue.
    await dialog.getByTestId('rect-deadline').fill('2020-06-30');
    await dialog.getByTestId('rect-create').click();
    await page.getByTestId('rect-recorded').waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the new item live on a member’s meeting page, overdue in red', async () => {
    const { page } = member;
    const arrived = row(page, spokenProblem);
    await arrived.waitFor();
    expect(await arrived.getByTestId('rect-owner-name').textContent()).toBe('王书记');
    expect(await arrived.getAttribute('data-overdue')).toBe('true');
    await arrived.getByTestId('rect-overdue').waitFor();
    const background = await arrived
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(background).toBe('rgb(253, 236, 234)');
    // Those in the meeting get the exports and the printable ledger.
    const files = await page
      .getByTestId('export-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-file')));
    expect(files).toEqual(['minutes.docx', 'minutes.md', 'report.docx', 'rectifications.xlsx']);
    await page.getByTestId('rect-print-link').waitFor();
  });

  it('lets the recorder make selected minutes text an item whose link selects that text', async () => {
    const { page } = recorder;
    await page.goto(`${meetingUrl}/docs/minutes`);
    await page.getByTestId('connection-status').filter({ hasText: '已连接' }).waitFor();
    await page.getByTestId('editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(minutesText);
    await page.keyboard.press('Shift+Home');
    const button = page.getByTestId('rect-from-selection');
    await poll(() => button.isEnabled()).toBe(true);
    await button.click();

    const dialog = page.getByTestId('rect-new-dialog');
    expect(await dialog.getByTestId('rect-problem').inputValue()).toBe(minutesText);
    await dialog.getByTestId('rect-source').selectOption('mutual-criticism');
    await dialog.getByTestId('rect-owner').selectOption(String(id('member')));
    await dialog.getByTestId('rect-create').click();
    await page.getByTestId('rect-recorded').waitFor();

    await page.getByTestId('back-to-meeting').click();
    const linked = row(page, minutesText);
    await linked.getByTestId('rect-anchor-link').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('rect-revealed').waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(minutesText);
  });

  it('lets the owner note progress and set 已完成, and shows no 销号 to a participant', async () => {
    const { page } = member;
    const drawer = await openItem(page, minutesText);
    await drawer.getByTestId('rect-progress-note').fill(progressNote);
    await drawer.getByTestId('rect-progress-date').fill('2026-12-02');
    await drawer.getByTestId('rect-progress-add').click();
    await drawer.getByTestId('rect-progress').filter({ hasText: progressNote }).waitFor();
    expect(await drawer.getByTestId('rect-progress').first().textContent()).toContain('2026-12-02');
    await drawer.getByTestId('rect-status-select').selectOption('done');
    await drawer.getByTestId('rect-status-save').click();
    await poll(() => row(page, minutesText).getAttribute('data-status')).toBe('done');
    // The owner reports; closing off is the secretary's.
    expect(await drawer.getByTestId('rect-verify').count()).toBe(0);

    // The recorder takes part too but neither owns nor verifies: no 销号, no status, no progress.
    await recorder.page.goto(meetingUrl);
    const other = await openItem(recorder.page, minutesText);
    expect(await row(recorder.page, minutesText).getAttribute('data-status')).toBe('done');
    // The details are in (openItem waited for them): the buttons would be there by now.
    expect(await other.getByTestId('rect-verify').count()).toBe(0);
    expect(await other.getByTestId('rect-status-select').count()).toBe(0);
    expect(await other.getByTestId('rect-progress-note').count()).toBe(0);
    // The recorder edits the fields, though.
    await other.getByTestId('rect-edit').waitFor();
  });

  it('lets the secretary close the completed item off (销号)', async () => {
    const { page } = host;
    await page.goto(meetingUrl);
    const drawer = await openItem(page, minutesText);
    await drawer.getByTestId('rect-progress').filter({ hasText: progressNote }).waitFor();
    await drawer.getByTestId('rect-verify').click();
    await drawer.getByTestId('rect-fact-verified').filter({ hasText: '王书记' }).waitFor();
    await poll(() =>
      row(page, minutesText).getByTestId('rect-status').getAttribute('data-verified'),
    ).toBe('true');
    // The member's page hears it too.
    await poll(() =>
      row(member.page, minutesText).getByTestId('rect-status').getAttribute('data-verified'),
    ).toBe('true');
  });

  it('filters the branch ledger by status and by overdue, and exports it as .xlsx', async () => {
    const { page } = host;
    await page.goto(`${server.url}/branches/${fixture.branchId}`);
    await page.getByTestId('branch-ledger-link').click();
    const ledger = page.getByTestId('branch-ledger');
    await ledger.waitFor();
    const problems = () =>
      ledger
        .getByTestId('rect-problem-text')
        .evaluateAll((cells) => cells.map((c) => c.textContent));
    await poll(problems).toEqual([spokenProblem, minutesText]);

    await ledger.getByTestId('ledger-filter-status').selectOption('done');
    await poll(problems).toEqual([minutesText]);
    await ledger.getByTestId('ledger-filter-status').selectOption('');
    await ledger.getByTestId('ledger-filter-overdue').check();
    await poll(problems).toEqual([spokenProblem]);
    const overdueRow = ledger.getByTestId('rect-row').first();
    expect(await overdueRow.getAttribute('data-overdue')).toBe('true');

    const download = page.waitForEvent('download');
    await ledger.getByTestId('ledger-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    // Read as a stream: the run's Chromium is shared (launchChromium), and a connected browser's
    // downloads have no local path.
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    // An .xlsx is a zip: it starts with PK.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(new URL(file.url()).searchParams.get('overdue')).toBe('true');
  });

  it('prints the meeting’s ledger plainly, without the app around it', async () => {
    const { page } = host;
    await page.goto(meetingUrl);
    await page.getByTestId('rect-print-link').click();
    const sheet = page.getByTestId('ledger-print');
    await sheet.waitFor();
    await poll(() => sheet.getByTestId('ledger-print-row').count()).toBe(2);
    expect(await page.locator('header').count()).toBe(0);
    const headers = await sheet.locator('th').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['序号', '问题来源', '所属方面', '问题表现']);
    expect(headers.at(-1)).toBe('销号');
    expect(await sheet.getByTestId('ledger-print-row').nth(1).textContent()).toContain('王书记');
  });

  it('lets the secretary send a closed-off item back with a reason the owner sees', async () => {
    const { page } = host;
    await page.goto(meetingUrl);
    const drawer = await openItem(page, minutesText);
    await drawer.getByTestId('rect-send-back').click();
    await drawer.getByTestId('rect-send-back-reason').fill('走访记录不全，请补充');
    await drawer.getByTestId('rect-send-back-confirm').click();
    await drawer.getByTestId('rect-sent-back').filter({ hasText: '走访记录不全' }).waitFor();
    await poll(() => row(member.page, minutesText).getAttribute('data-status')).toBe('in-progress');
    await member.page.keyboard.press('Escape');
    const mine = await openItem(member.page, minutesText);
    await mine.getByTestId('rect-sent-back').filter({ hasText: '走访记录不全' }).waitFor();
  });

  it('lets the host accept a proposal from an imported material, filled in, and drop another', async () => {
    const { page } = host;
    await page.keyboard.press('Escape');
    await page.getByTestId('rect-drawer').waitFor({ state: 'detached' });
    const made = await api(
      server,
      'POST',
      `/api/meetings/${fixture.meeting.id}/rectification-proposals`,
      {
        token: fixture.people.secretary!.token,
        body: {
          document: `m/${fixture.meeting.id}/self/${id('member')}`,
          proposals: [
            { text: '每月开展一次专题学习', aspect: '理论学习' },
            { text: '建立走访台账', aspect: '联系群众' },
          ],
        },
      },
    );
    expect(made.status).toBe(201);
    const proposals = page.getByTestId('rect-proposals').getByTestId('rect-proposal');
    await poll(() => proposals.count()).toBe(2);

    const first = proposals.filter({ hasText: '每月开展一次专题学习' });
    await first.getByTestId('rect-proposal-accept').click();
    // From 张党员's own material: theirs unless the host says otherwise.
    expect(await first.getByTestId('rect-owner').inputValue()).toBe(String(id('member')));
    expect(await first.getByTestId('rect-aspect').inputValue()).toBe('理论学习');
    await first.getByTestId('rect-deadline').fill('2027-06-30');
    await first.getByTestId('rect-proposal-confirm').click();
    await row(page, '每月开展一次专题学习').waitFor();
    await row(member.page, '每月开展一次专题学习').waitFor();

    await proposals.filter({ hasText: '建立走访台账' }).getByTestId('rect-proposal-drop').click();
    await page.getByTestId('rect-proposals').waitFor({ state: 'detached' });
    expect(await row(page, '建立走访台账').count()).toBe(0);
  });

  it('lets the host propose the collective material’s measures as they are written', async () => {
    const { page } = host;
    const written = await api(server, 'POST', `/api/meetings/${fixture.meeting.id}/import`, {
      token: fixture.people.secretary!.token,
      body: {
        document: `m/${fixture.meeting.id}/collective`,
        mode: 'replace',
        text: CHECKING_MATERIAL,
      },
    });
    expect(written.status).toBe(200);
    await page.getByTestId('rect-from-material').click();
    await page
      .getByTestId('rect-from-material-result')
      .filter({ hasText: '已从整改措施提出 4 项' })
      .waitFor();
    const proposals = page.getByTestId('rect-proposals').getByTestId('rect-proposal');
    await poll(() => proposals.count()).toBe(4);
    expect(await proposals.first().textContent()).toContain('制定个人学习计划');
  });

  itStayedOnItsOrigin(record, () => server.url);
});
