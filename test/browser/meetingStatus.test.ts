import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken } from '../helpers/apiClient.js';
import { besideScreenshot, newPageRecord, newPerson, signIn } from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import { createMeetingFixture, WANGSHUJI, ZHANGSAN } from '../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

// SCREENSHOT_PATH=shot.png keeps the closed meeting as shot-closed-meeting.png.

const secretary = WANGSHUJI;
// Not the recorder yet: naming one is part of the test.
const member = { ...ZHANGSAN, meetingRoles: ['participant'] } satisfies typeof ZHANGSAN;

describe("the host moves a meeting's status in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const record = newPageRecord();

  const status = () => page.getByTestId('meeting-status');

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    // Published, with a host but no recorder yet.
    const { meeting } = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: '机关',
      cast: [secretary, member],
      statuses: ['open'],
    });
    browser = await launchChromium();
    ({ context, page } = await newPerson(browser, record, 'secretary'));
    await page.goto(`${server.url}/meetings/${meeting.id}`);
    await signIn(page, secretary.username, secretary.password);
    await page.getByTestId('participants-editor').getByTestId('participant-row').first().waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("shows the server's reason when the meeting cannot start yet", async () => {
    await expect(status().textContent()).resolves.toBe('会前准备');
    await page.getByTestId('status-to-in-progress').click();
    const error = page.getByTestId('status-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('须至少有一名主持人和一名记录人');
    await expect(status().textContent()).resolves.toBe('会前准备');
  });

  it('starts once a recorder is named in the participants editor', async () => {
    const row = page.locator(`[data-testid="participant-row"][data-username="${member.username}"]`);
    await row.getByTestId('participant-recorder').check();
    await page.getByTestId('participants-save').click();
    await page.getByTestId('participants-saved').waitFor();
    await page.getByTestId('status-to-in-progress').click();
    await status().filter({ hasText: '进行中' }).waitFor();
    expect(await page.getByTestId('status-error').count()).toBe(0);
  });

  it('closes only after a confirmation, and then shows the record as final', async () => {
    await page.getByTestId('status-to-closed').click();
    const dialog = page.getByTestId('close-meeting-dialog');
    await dialog.waitFor();
    // Cancelling leaves the meeting running.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(status().textContent()).resolves.toBe('进行中');

    await page.getByTestId('status-to-closed').click();
    await dialog.getByTestId('close-meeting-confirm').click();
    await status().filter({ hasText: '已结束' }).waitFor();
    await expect(page.getByTestId('meeting-closed-banner').textContent()).resolves.toContain(
      '最终版本',
    );
    // Nothing about a closed meeting can be changed until it is reopened.
    expect(await page.getByTestId('participants-editor').count()).toBe(0);
    expect(await page.getByTestId('meeting-edit').count()).toBe(0);
    const readOnly = page.getByTestId('document-list').getByTestId('document-read-only');
    expect(await readOnly.count()).toBe(await page.getByTestId('document-link').count());
    const closedShot = besideScreenshot('closed-meeting');
    if (closedShot) await page.screenshot({ path: closedShot, fullPage: true });

    await page.getByTestId('status-to-in-progress').click();
    await page.getByTestId('meeting-closed-banner').waitFor({ state: 'detached' });
    await page.getByTestId('participants-editor').waitFor();
  });

  it('raised no page error', () => {
    expect(record.pageErrors).toEqual([]);
  });
});
