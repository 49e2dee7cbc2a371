import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  besideScreenshot,
  newPageRecord,
  newPerson,
  requestsElsewhere,
  signIn,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  WANGSHUJI as wangshuji,
  ZHANGSAN as zhangsan,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { api } from '../helpers/apiClient.js';
import { signInOverHttp } from '../helpers/userAccounts.js';

// Set to a file path to keep a picture of the editor with two people in it; the sign-in and
// password pages go beside it (editor.png → editor-sign-in.png, editor-password.png).
const screenshotPath = process.env.SCREENSHOT_PATH;

const adminPassword = 'Admin-Neu-2026!';
const adminName = '系统管理员';

describe("two signed-in people editing one meeting's document in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  /** `m/<meetingId>/collective`, known once the meeting is set up. */
  let documentName: string;
  let documentUrl: string;
  let meetingId: number;
  let setup: MeetingFixture;
  const record = newPageRecord();
  let admin: BrowserPerson;
  let wang: BrowserPerson;
  let zhang: BrowserPerson;

  function readOnlyMarker(page: Page) {
    return page.getByTestId('read-only-marker');
  }

  function editable(page: Page): Promise<string | null> {
    return page.getByTestId('editor').getAttribute('contenteditable');
  }

  function statusOf(page: Page, text: string) {
    return page.getByTestId('connection-status').filter({ hasText: text });
  }

  async function waitForEditorText(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="editor"]')?.textContent?.includes(expected) ?? false,
      text,
      { timeout: WAIT_MS },
    );
  }

  /** What `/api/auth/me` answers this page's session, asked from inside the page. */
  function meStatus(page: Page): Promise<number> {
    return page.evaluate(async () => (await fetch('/api/auth/me')).status);
  }

  beforeAll(async () => {
    server = await startTestServer();
    if (!server.app.initialAdminPassword) throw new Error('expected a one-time admin password');
    browser = await launchChromium();
    admin = await newPerson(browser, record, 'admin');
    wang = await newPerson(browser, record, 'wangshuji');
    zhang = await newPerson(browser, record, 'zhangsan');
  });

  afterAll(async () => {
    await admin?.context.close();
    await wang?.context.close();
    await zhang?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows a visitor who is not signed in the sign-in page and nothing else', async () => {
    await admin.page.goto(`${server.url}/`);
    await admin.page.getByTestId('sign-in-username').waitFor({ timeout: WAIT_MS });
    await expect(admin.page.locator('h1').textContent()).resolves.toBe('生活会协作台');
    for (const hidden of ['my-meetings', 'editor', 'sign-out', 'account-name']) {
      expect(await admin.page.getByTestId(hidden).count()).toBe(0);
    }
    expect(await meStatus(admin.page)).toBe(401);
    const signInShot = besideScreenshot('sign-in');
    if (signInShot) await admin.page.screenshot({ path: signInShot });
  });

  it('refuses a wrong password with the catalog’s message, in Chinese only', async () => {
    await signIn(admin.page, 'admin', 'not-the-password');
    const error = admin.page.getByTestId('sign-in-error');
    await error.waitFor({ timeout: WAIT_MS });
    await expect(error.textContent()).resolves.toContain('用户名或密码错误');
    expect(await error.textContent()).not.toMatch(/[A-Za-z]{2,}/);
    await expect(admin.page.getByTestId('sign-in-password').inputValue()).resolves.toBe('');
  });

  it('holds the admin on the password form until the one-time password is replaced', async () => {
    const oneTimePassword = server.app.initialAdminPassword!;
    await signIn(admin.page, 'admin', oneTimePassword);
    const heading = admin.page.getByTestId('password-heading');
    await heading.waitFor({ timeout: WAIT_MS });
    await expect(heading.textContent()).resolves.toBe('请先修改初始密码');
    await expect(admin.page.getByTestId('account-name').textContent()).resolves.toBe(adminName);
    expect(await admin.page.getByTestId('my-meetings').count()).toBe(0);
    expect(await admin.page.getByTestId('change-password').count()).toBe(0);

    // The checklist follows the typing, in Chinese.
    const rule = (text: string) =>
      admin.page.getByTestId('password-rules').locator('li', { hasText: text });
    await admin.page.getByTestId('password-new').fill('admin');
    await expect(rule('至少 8 个字符').getAttribute('data-met')).resolves.toBe('false');
    await expect(rule('不能与用户名相同').getAttribute('data-met')).resolves.toBe('false');
    await admin.page.getByTestId('password-new').fill(adminPassword);
    await admin.page.getByTestId('password-confirm').fill(adminPassword);
    await admin.page.getByTestId('password-old').fill('Wrong-Old-2026');
    const rules = admin.page.getByTestId('password-rules').locator('li');
    expect(await rules.evaluateAll((items) => items.map((li) => li.dataset['met']))).toEqual(
      Array(6).fill('true'),
    );
    const passwordShot = besideScreenshot('password');
    if (passwordShot) await admin.page.screenshot({ path: passwordShot });

    // A wrong current password: the server says so.
    await admin.page.getByTestId('password-submit').click();
    const error = admin.page.getByTestId('password-error');
    await error.waitFor({ timeout: WAIT_MS });
    await expect(error.textContent()).resolves.toContain('原密码不正确');

    await admin.page.getByTestId('password-old').fill(oneTimePassword);
    await admin.page.getByTestId('password-submit').click();
    await admin.page.getByTestId('my-meetings').waitFor({ timeout: WAIT_MS });
    await expect(admin.page.getByTestId('display-name').textContent()).resolves.toBe(adminName);
  });

  it("opens the meeting's document from the home page and from its address, and connects both", async () => {
    // The meeting is set up over HTTP, with the password the admin has just chosen.
    setup = await createMeetingFixture(server, adminPassword, {
      prefix: '机关',
      cast: [wangshuji, zhangsan],
      statuses: ['open'],
    });
    meetingId = setup.meeting.id;
    documentName = `m/${meetingId}/collective`;
    documentUrl = `${server.url}/meetings/${meetingId}/docs/collective`;

    // 王书记 goes the way people go: home, the meeting, its document.
    await wang.page.goto(`${server.url}/`);
    await signIn(wang.page, wangshuji.username, wangshuji.password);
    await wang.page
      .getByTestId('my-meetings')
      .getByRole('link', { name: setup.meeting.title })
      .click({ timeout: WAIT_MS });
    await wang.page.waitForURL(`${server.url}/meetings/${meetingId}`);
    await wang.page
      .getByTestId('document-link')
      .filter({ hasText: '班子对照检查材料' })
      .click({ timeout: WAIT_MS });
    await wang.page.waitForURL(documentUrl);
    // 张三 arrives by address: the server answers a client route with the app, which asks
    // for a sign-in first and then shows the document at that address.
    await zhang.page.goto(documentUrl);
    await signIn(zhang.page, zhangsan.username, zhangsan.password);

    await statusOf(wang.page, '已连接').waitFor({ timeout: WAIT_MS });
    await statusOf(zhang.page, '已连接').waitFor({ timeout: WAIT_MS });
    await expect(zhang.page.getByTestId('account-name').textContent()).resolves.toBe('张三');
    await expect(zhang.page.getByTestId('document-title').textContent()).resolves.toBe(
      '班子对照检查材料',
    );
  });

  it('shows each person what the other types', async () => {
    await wang.page.getByTestId('editor').click();
    await wang.page.keyboard.type('主持人：批评与自我批评。');
    await waitForEditorText(zhang.page, '主持人：批评与自我批评。');

    await zhang.page.getByTestId('editor').click();
    await zhang.page.keyboard.press('End');
    await zhang.page.keyboard.press('Enter');
    await zhang.page.keyboard.type('张三：整改措施。');
    await waitForEditorText(wang.page, '张三：整改措施。');
    await waitForEditorText(wang.page, '主持人：批评与自我批评。');
  });

  it("shows the other person's caret and presence with their account's name", async () => {
    const caretLabel = (page: Page, name: string) =>
      page.locator('.collaboration-carets__label', { hasText: name });
    await caretLabel(wang.page, '张三').waitFor({ timeout: WAIT_MS });
    await caretLabel(zhang.page, '王书记').waitFor({ timeout: WAIT_MS });

    await wang.page.getByTestId('peer').filter({ hasText: '张三' }).waitFor({ timeout: WAIT_MS });
    await zhang.page
      .getByTestId('peer')
      .filter({ hasText: '王书记' })
      .waitFor({ timeout: WAIT_MS });

    if (screenshotPath) await wang.page.screenshot({ path: screenshotPath });
  });

  it('turns the open document read-only for both when the meeting closes, and back on reopening', async () => {
    expect(await readOnlyMarker(wang.page).count()).toBe(0);
    await expect(editable(zhang.page)).resolves.toBe('true');
    await setMeetingStatus(server, setup, 'in-progress');
    // Closing drops every connection with 4205; the pages ask for their rights again.
    await setMeetingStatus(server, setup, 'closed');
    for (const page of [wang.page, zhang.page]) {
      await readOnlyMarker(page).waitFor({ timeout: WAIT_MS });
      await page
        .locator('[data-testid="editor"][contenteditable="false"]')
        .waitFor({ timeout: WAIT_MS });
      await statusOf(page, '已连接').waitFor({ timeout: WAIT_MS });
    }
    await expect(readOnlyMarker(zhang.page).getAttribute('title')).resolves.toContain('会议已结束');
    const readOnlyShot = besideScreenshot('closed');
    if (readOnlyShot) await zhang.page.screenshot({ path: readOnlyShot });
    // What was written is still there, for both.
    await waitForEditorText(zhang.page, '主持人：批评与自我批评。');

    await setMeetingStatus(server, setup, 'in-progress');
    for (const page of [wang.page, zhang.page]) {
      await readOnlyMarker(page).waitFor({ state: 'detached', timeout: WAIT_MS });
      await page
        .locator('[data-testid="editor"][contenteditable="true"]')
        .waitFor({ timeout: WAIT_MS });
    }
    await statusOf(wang.page, '已连接').waitFor({ timeout: WAIT_MS });
    await statusOf(zhang.page, '已连接').waitFor({ timeout: WAIT_MS });
  });

  it('signs out back to the sign-in page, after which the server knows no session', async () => {
    // The reconnections above may still be settling: wait until each sees the other again.
    await wang.page.getByTestId('peer').filter({ hasText: '张三' }).waitFor({ timeout: WAIT_MS });
    await zhang.page.getByTestId('sign-out').click();
    await zhang.page.getByTestId('sign-in-username').waitFor({ timeout: WAIT_MS });
    expect(new URL(zhang.page.url()).pathname).toBe('/');
    expect(await zhang.page.getByTestId('editor').count()).toBe(0);
    expect(await meStatus(zhang.page)).toBe(401);
    // Signing out closed 张三's sync connection, so the others see them leave.
    await wang.page.getByTestId('peer').filter({ hasText: '张三' }).waitFor({
      state: 'detached',
      timeout: WAIT_MS,
    });

    // Back in, for the outage below.
    await signIn(zhang.page, zhangsan.username, zhangsan.password);
    await zhang.page.getByTestId('my-meetings').waitFor({ timeout: WAIT_MS });
    await zhang.page.goto(documentUrl);
    await statusOf(zhang.page, '已连接').waitFor({ timeout: WAIT_MS });
  });

  it('sends 张三 back to sign-in when an admin ends his sessions, and back to the document after', async () => {
    const adminToken = await signInOverHttp(server, 'admin', adminPassword);
    const me = await api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', {
      token: await signInOverHttp(server, zhangsan.username, zhangsan.password),
    });
    const ended = await api(server, 'DELETE', `/api/users/${me.body.user.id}/sessions`, {
      token: adminToken,
    });
    expect(ended.status).toBe(200);
    // The sync channel closes with 4401; the page asks who is signed in and shows sign-in.
    await zhang.page.getByTestId('sign-in-username').waitFor({ timeout: WAIT_MS });
    expect(await zhang.page.getByTestId('editor').count()).toBe(0);
    expect(zhang.page.url()).toBe(documentUrl);
    await signIn(zhang.page, zhangsan.username, zhangsan.password);
    await statusOf(zhang.page, '已连接').waitFor({ timeout: WAIT_MS });
  });

  it('says it is reconnecting when the server goes away', async () => {
    await server.stop();
    await statusOf(wang.page, '正在重连').waitFor({ timeout: WAIT_MS });
    await statusOf(zhang.page, '正在重连').waitFor({ timeout: WAIT_MS });
  });

  it('made no request to any other origin and raised no page error', () => {
    const origin = new URL(server.url).origin;
    const syncOrigin = origin.replace(/^http/, 'ws');
    expect(record.requestedUrls.length).toBeGreaterThan(0);
    expect(requestsElsewhere(record.requestedUrls, server.url)).toEqual([]);
    const syncSockets = record.socketUrls.filter((url) => url.startsWith(`${syncOrigin}/yjs/`));
    expect(syncSockets.length).toBeGreaterThanOrEqual(2);
    for (const url of syncSockets)
      expect(url.startsWith(`${syncOrigin}/yjs/${documentName}`)).toBe(true);
    // Besides, only the meeting bar's moderation channel while the meeting is held.
    const others = record.socketUrls.filter((url) => !syncSockets.includes(url));
    for (const url of others) expect(url.startsWith(`${syncOrigin}/socket.io/`)).toBe(true);
    expect(record.pageErrors).toEqual([]);
  });
});
