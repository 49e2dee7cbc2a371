import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken } from '../helpers/apiClient.js';
import {
  besideScreenshot,
  itStayedOnItsOrigin,
  newPageRecord,
  newPerson,
  signIn,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  WANGSHUJI as wangshuji,
  ZHANGSAN as zhangsan,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

// SCREENSHOT_PATH=shot.png keeps the version viewer as shot-version.png and the panel after
// the restore as shot-versions.png.

const firstDraft = '初稿：班子对照检查材料的第一稿。';
const rewritten = '第二稿：全部重写后的内容。';

describe('named versions of a document in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let setup: MeetingFixture;
  const record = newPageRecord();
  /** 王书记: the host, who saves and restores. */
  let wang: BrowserPerson;
  /** 张三: records and takes part, writes the document, but does not host. */
  let zhang: BrowserPerson;

  const editorText = (page: Page) => page.getByTestId('editor').textContent();
  const panel = (page: Page) => page.getByTestId('version-panel');
  const viewer = (page: Page) => page.getByTestId('version-viewer');
  const item = (page: Page, name: string): Locator =>
    panel(page)
      .getByTestId('version-item')
      .filter({ has: page.getByTestId('version-name').filter({ hasText: name }) });

  async function waitForEditorText(page: Page, text: string, present = true): Promise<void> {
    await page.waitForFunction(
      ([expected, wanted]) =>
        (document.querySelector('[data-testid="editor"]')?.textContent?.includes(expected) ??
          false) === wanted,
      [text, present] as const,
      { timeout: WAIT_MS },
    );
  }

  async function openPanel(page: Page): Promise<void> {
    await page.getByTestId('versions-toggle').click();
    await panel(page).waitFor();
  }

  /** Opens the version named `name` and waits for its text. */
  async function openVersion(page: Page, name: string): Promise<Locator> {
    await item(page, name).getByRole('button').click();
    await viewer(page).getByTestId('version-editor').waitFor();
    return viewer(page).getByTestId('version-editor');
  }

  async function closeViewer(page: Page): Promise<void> {
    await viewer(page).getByTestId('version-viewer-close').click();
    await viewer(page).waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    setup = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: '机关',
      cast: [wangshuji, zhangsan],
      statuses: ['open'],
    });
    browser = await launchChromium();
    wang = await newPerson(browser, record, 'wangshuji');
    zhang = await newPerson(browser, record, 'zhangsan');
    const documentUrl = `${server.url}/meetings/${setup.meeting.id}/docs/collective`;
    for (const [person, who] of [
      [wang, wangshuji],
      [zhang, zhangsan],
    ] as const) {
      await person.page.goto(documentUrl);
      await signIn(person.page, who.username, who.password);
      await person.page
        .getByTestId('connection-status')
        .filter({ hasText: '已连接' })
        .waitFor({ timeout: WAIT_MS });
    }
  });

  afterAll(async () => {
    await wang?.context.close();
    await zhang?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the host save what was typed as a named version', async () => {
    await wang.page.getByTestId('editor').click();
    await wang.page.keyboard.press('Control+End');
    await wang.page.keyboard.press('Enter');
    await wang.page.keyboard.type(firstDraft);
    await waitForEditorText(zhang.page, firstDraft);

    await openPanel(wang.page);
    await panel(wang.page).getByTestId('versions-empty').waitFor();
    // The editor, its connection and the people in it stay in view beside the panel.
    for (const testId of ['editor', 'connection-status', 'peer-list']) {
      await expect(wang.page.getByTestId(testId).isVisible()).resolves.toBe(true);
    }
    await expect(wang.page.getByTestId('version-save').isDisabled()).resolves.toBe(true);
    await wang.page.getByTestId('version-label').fill('初稿');
    await wang.page.getByTestId('version-save').click();
    await expect(wang.page.getByTestId('version-saved').textContent()).resolves.toContain('初稿');
    await expect(wang.page.getByTestId('version-label').inputValue()).resolves.toBe('');

    const saved = item(wang.page, '初稿');
    await saved.waitFor();
    await expect(saved.getAttribute('data-kind')).resolves.toBe('manual');
    await expect(saved.textContent()).resolves.toContain('王书记');
    expect(await saved.getByTestId('version-kind-badge').count()).toBe(0);
  });

  it('keeps the version as it was while the document changes', async () => {
    await wang.page.getByTestId('editor').click();
    await wang.page.keyboard.press('Control+A');
    await wang.page.keyboard.type(rewritten);
    await waitForEditorText(zhang.page, rewritten);
    await waitForEditorText(zhang.page, firstDraft, false);

    const text = await openVersion(wang.page, '初稿');
    const banner = viewer(wang.page).getByTestId('version-banner');
    await expect(banner.textContent()).resolves.toMatch(/^只读 · 初稿 · \d{4}-\d{2}-\d{2} /);
    await expect(text.textContent()).resolves.toContain(firstDraft);
    await expect(text.textContent()).resolves.not.toContain(rewritten);

    // Read-only: typing into it changes nothing, here or in the live document.
    await expect(text.getAttribute('contenteditable')).resolves.toBe('false');
    await text.click();
    await wang.page.keyboard.type('不该出现');
    await expect(text.textContent()).resolves.not.toContain('不该出现');
    await expect(editorText(zhang.page)).resolves.not.toContain('不该出现');
    const shot = besideScreenshot('version');
    if (shot) await wang.page.screenshot({ path: shot });
  });

  it('restores the version for everyone after a confirmation, keeping the text it replaced', async () => {
    await viewer(wang.page).getByTestId('version-restore').click();
    const dialog = wang.page.getByTestId('version-restore-dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('恢复前自动保存');
    // Cancelling changes nothing and leaves the version open.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(viewer(wang.page).isVisible()).resolves.toBe(true);
    await expect(editorText(wang.page)).resolves.toContain(rewritten);

    await viewer(wang.page).getByTestId('version-restore').click();
    await dialog.getByTestId('version-restore-confirm').click();
    await viewer(wang.page).waitFor({ state: 'detached' });
    await expect(wang.page.getByTestId('version-restored').textContent()).resolves.toContain(
      '初稿',
    );

    // An ordinary change through the sync channel: both live editors show the old text again.
    for (const page of [wang.page, zhang.page]) {
      await waitForEditorText(page, firstDraft);
      await waitForEditorText(page, rewritten, false);
    }

    // The text the restore replaced was saved first, automatically, and can be read back.
    const before = item(wang.page, '恢复前自动保存');
    await before.waitFor();
    await expect(before.getAttribute('data-kind')).resolves.toBe('before-restore');
    await expect(before.getByTestId('version-kind-badge').textContent()).resolves.toBe('自动');
    const names = await panel(wang.page).getByTestId('version-name').allTextContents();
    expect(names).toEqual(['恢复前自动保存', '初稿']);
    const shot = besideScreenshot('versions');
    if (shot) await wang.page.screenshot({ path: shot });
    const text = await openVersion(wang.page, '恢复前自动保存');
    await expect(text.textContent()).resolves.toContain(rewritten);
    await closeViewer(wang.page);
  });

  it('shows someone who is not a host the versions to read, without save or restore', async () => {
    await openPanel(zhang.page);
    await item(zhang.page, '初稿').waitFor();
    await item(zhang.page, '恢复前自动保存').waitFor();
    expect(await zhang.page.getByTestId('version-save-form').count()).toBe(0);

    const text = await openVersion(zhang.page, '初稿');
    await expect(text.textContent()).resolves.toContain(firstDraft);
    await expect(text.getAttribute('contenteditable')).resolves.toBe('false');
    expect(await viewer(zhang.page).getByTestId('version-restore').count()).toBe(0);
    // Escape closes the viewer like any dialog.
    await zhang.page.keyboard.press('Escape');
    await viewer(zhang.page).waitFor({ state: 'detached' });
  });

  it('saves 会前定稿 and 会议结束 by itself, and restores nothing once the meeting is closed', async () => {
    await setMeetingStatus(server, setup, 'in-progress');
    await wang.page.getByTestId('versions-refresh').click();
    const start = item(wang.page, '会前定稿');
    await start.waitFor();
    await expect(start.getAttribute('data-kind')).resolves.toBe('meeting-start');
    await expect(start.textContent()).resolves.toContain('系统');
    await expect(start.getByTestId('version-kind-badge').isVisible()).resolves.toBe(true);

    await setMeetingStatus(server, setup, 'closed');
    // Closing drops the sync connection; the page asks for its rights again and turns read-only.
    await wang.page.getByTestId('read-only-marker').waitFor();
    await wang.page.getByTestId('versions-refresh').click();
    await item(wang.page, '会议结束').waitFor();
    await expect(item(wang.page, '会议结束').getAttribute('data-kind')).resolves.toBe(
      'meeting-close',
    );

    await openVersion(wang.page, '初稿');
    await expect(viewer(wang.page).getByTestId('version-restore').isDisabled()).resolves.toBe(true);
    await expect(
      viewer(wang.page).getByTestId('version-restore-blocked').textContent(),
    ).resolves.toContain('会议已结束');
    await closeViewer(wang.page);
  });

  itStayedOnItsOrigin(record, () => server.url);
});
