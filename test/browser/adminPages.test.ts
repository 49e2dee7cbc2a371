import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_ADMIN_PASSWORD, adminToken, api } from '../helpers/apiClient.js';
import {
  ADMIN_VIEWPORT,
  besideScreenshot,
  newPageRecord,
  newPerson,
  itStayedOnItsOrigin,
  signIn,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createReadyUser, LISI as lisi, signInOverHttp } from '../helpers/userAccounts.js';

// SCREENSHOT_PATH=shot.png keeps the pages as shot-admin-users.png, shot-admin-audit.png, …

const wangwu = { username: 'wangwu', displayName: '王五', password: 'Chushi-2026-ww' };
const resetPassword = 'Neu-Gesetzt-2026';

async function loginStatus(server: TestServer, username: string, password: string) {
  return (await api(server, 'POST', '/api/auth/login', { body: { username, password } })).status;
}

describe("the admin's pages in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  const record = newPageRecord();
  let admin: BrowserPerson;
  const newPage = (label: string) => newPerson(browser, record, label, ADMIN_VIEWPORT);

  const row = (username: string) =>
    admin.page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  const statusOf = (username: string) => row(username).getByTestId('user-status');

  function waitForStatus(username: string, text: string, gone = false) {
    const state = gone ? 'detached' : 'attached';
    return statusOf(username).filter({ hasText: text }).waitFor({ state });
  }

  /** The actions of the audit rows on the page, top to bottom. */
  function auditActions(): Promise<string[]> {
    return admin.page
      .getByTestId('audit-row')
      .evaluateAll((rows) => rows.map((tr) => (tr as HTMLElement).dataset['action'] ?? ''));
  }

  function waitForAuditIdle() {
    return admin.page.getByTestId('audit-footer').filter({ hasNotText: '正在加载' }).waitFor();
  }

  function waitForAuditEmpty() {
    return admin.page
      .getByTestId('audit-footer')
      .filter({ hasText: '没有符合条件的记录' })
      .waitFor();
  }

  beforeAll(async () => {
    server = await startTestServer();
    // The admin's one-time password is replaced over HTTP; the page then signs in with the new one.
    await adminToken(server);
    await createReadyUser(server, NEW_ADMIN_PASSWORD, lisi);
    browser = await launchChromium();
    admin = await newPage('admin');
  });

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the admin links in the header and lists the users', async () => {
    await admin.page.goto(`${server.url}/`);
    await signIn(admin.page, 'admin', NEW_ADMIN_PASSWORD);
    await admin.page.getByTestId('nav-admin-users').click();
    await admin.page.waitForURL(`${server.url}/admin/users`);
    await row('lisi').waitFor();
    await expect(row('lisi').locator('td').first().textContent()).resolves.toBe('李四');
    await expect(statusOf('lisi').textContent()).resolves.toBe('正常');
    // No way to disable oneself; the others' rows have one.
    expect(await row('admin').getByTestId('user-disable').count()).toBe(0);
    expect(await row('lisi').getByTestId('user-disable').count()).toBe(1);
  });

  it('creates a user from the form, with the policy checked as it is typed', async () => {
    await admin.page.getByTestId('new-user-username').fill(wangwu.username);
    await admin.page.getByTestId('new-user-display-name').fill(wangwu.displayName);
    await admin.page.getByTestId('new-user-password').fill('kurz');
    await expect(admin.page.getByTestId('create-user-submit').isDisabled()).resolves.toBe(true);
    await admin.page.getByTestId('new-user-password').fill(wangwu.password);
    const rules = admin.page.getByTestId('password-rules').locator('li');
    expect(await rules.evaluateAll((items) => items.map((li) => li.dataset['met']))).toEqual(
      Array(4).fill('true'),
    );
    await admin.page.getByTestId('create-user-submit').click();
    await row(wangwu.username).waitFor();
    await waitForStatus(wangwu.username, '需修改密码');
    await expect(admin.page.getByTestId('users-notice').textContent()).resolves.toContain(
      '已新建用户 wangwu',
    );

    // The same username again: the refusal is shown from the catalog, in Chinese.
    await admin.page.getByTestId('new-user-username').fill(wangwu.username);
    await admin.page.getByTestId('new-user-display-name').fill('另一个王五');
    await admin.page.getByTestId('new-user-password').fill(wangwu.password);
    await admin.page.getByTestId('create-user-submit').click();
    const error = admin.page.getByTestId('create-user-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('用户名已存在');
  });

  it('disables the user, whose sign-in then fails, and enables them again', async () => {
    await row(wangwu.username).getByTestId('user-disable').click();
    await waitForStatus(wangwu.username, '已停用');
    expect(await loginStatus(server, wangwu.username, wangwu.password)).toBe(401);

    await row(wangwu.username).getByTestId('user-enable').click();
    await waitForStatus(wangwu.username, '已停用', true);
    await row(wangwu.username).getByTestId('user-disable').waitFor();
    expect(await loginStatus(server, wangwu.username, wangwu.password)).toBe(200);
  });

  it('resets a password in a dialog with the policy checklist', async () => {
    await row('lisi').getByTestId('user-reset-password').click();
    const dialog = admin.page.getByTestId('reset-password-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('.ant-modal-title').textContent()).resolves.toBe(
      '重置 李四（lisi） 的密码',
    );
    await dialog.getByTestId('reset-password-input').fill('lisi');
    const unmet = dialog.locator('[data-testid="password-rules"] li[data-met="false"]');
    await expect(unmet.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('不能与用户名相同')]),
    );
    await dialog.getByTestId('reset-password-input').fill(resetPassword);
    expect(await unmet.count()).toBe(0);
    const resetShot = besideScreenshot('admin-reset');
    if (resetShot) await admin.page.screenshot({ path: resetShot });
    await dialog.getByTestId('reset-password-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await waitForStatus('lisi', '需修改密码');
    expect(await loginStatus(server, 'lisi', lisi.password)).toBe(401);
    expect(await loginStatus(server, 'lisi', resetPassword)).toBe(200);
  });

  it('ends sessions after a confirmation, and shows a locked account', async () => {
    const token = await signInOverHttp(server, 'lisi', resetPassword);
    // Five wrong passwords lock wangwu's account for a while.
    for (let i = 0; i < 5; i++) await loginStatus(server, wangwu.username, 'Falsch-2026-x');

    await row('lisi').getByTestId('user-end-sessions').click();
    const dialog = admin.page.getByTestId('end-sessions-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('end-sessions-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect(admin.page.getByTestId('users-notice').textContent()).resolves.toMatch(
      /已让 lisi 下线（结束 \d+ 个会话）/,
    );
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
    await waitForStatus(wangwu.username, '锁定至 ');
    const usersShot = besideScreenshot('admin-users');
    if (usersShot) await admin.page.screenshot({ path: usersShot, fullPage: true });
  });

  it('shows the audit log with labelled actions, and filters it', async () => {
    await admin.page.getByTestId('nav-admin-audit').click();
    await admin.page.waitForURL(`${server.url}/admin/audit`);
    await admin.page.getByTestId('audit-row').first().waitFor();
    const created = admin.page.locator('[data-testid="audit-row"][data-action="user.created"]');
    const disabled = admin.page.locator('[data-testid="audit-row"][data-action="user.disabled"]');
    await expect(created.first().locator('td').nth(1).textContent()).resolves.toBe('新建用户');
    const cells = await disabled.first().locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(cells.slice(1)).toEqual([
      '停用用户',
      '系统管理员',
      '王五（wangwu）',
      '127.0.0.1',
      '{"disabled":true}',
    ]);
    const auditShot = besideScreenshot('admin-audit');
    if (auditShot) await admin.page.screenshot({ path: auditShot, fullPage: true });

    await admin.page.getByTestId('audit-filter-action').selectOption('user.disabled');
    await admin.page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="audit-row"]')].every(
        (tr) => tr.dataset['action'] === 'user.disabled',
      ),
    );
    await waitForAuditIdle();
    expect(await auditActions()).toEqual(['user.disabled']);

    // 操作人: the admin did it, 李四 did not.
    const actor = admin.page.getByTestId('audit-filter-actor');
    await actor.selectOption({ label: '系统管理员（admin）' });
    await waitForAuditIdle();
    expect(await auditActions()).toEqual(['user.disabled']);
    await actor.selectOption({ label: '李四（lisi）' });
    await waitForAuditEmpty();
    await actor.selectOption('');
    await admin.page.getByTestId('audit-row').first().waitFor();

    // A day after today: nothing yet.
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv');
    await admin.page.getByTestId('audit-filter-from').fill(tomorrow);
    await waitForAuditEmpty();
    await admin.page.getByTestId('audit-filter-from').fill('');
    await admin.page.getByTestId('audit-row').first().waitFor();
  });

  it('exports the filtered log as CSV through the link, with the session cookie', async () => {
    const href = await admin.page.getByTestId('audit-export').getAttribute('href');
    expect(href).toBe('/api/audit.csv?action=user.disabled');
    const response = await admin.context.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const text = (await response.body()).toString('utf8');
    expect(text.startsWith('\uFEFF时间,操作')).toBe(true);
    expect(text).toContain('user.disabled');
    expect(text).not.toContain('user.created');
  });

  it('pages through more than one page with 加载更多', async () => {
    // Enough sign-ins for a second page of 50, one after the other: sign-ins sent at once share
    // the five password checks an account allows at a time (the lockout counts them first).
    for (let i = 0; i < 60; i++) await signInOverHttp(server, 'lisi', resetPassword);
    await admin.page.getByTestId('audit-filter-action').selectOption('');
    await admin.page.getByTestId('audit-load-more').waitFor();
    expect(await admin.page.getByTestId('audit-row').count()).toBe(50);
    await admin.page.getByTestId('audit-load-more').click();
    await admin.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="audit-row"]').length > 50,
    );
    await waitForAuditIdle();
    const actions = await auditActions();
    // The oldest entry is the admin's creation on first start: the whole log is in.
    expect(actions.at(-1)).toBe('user.created');
    await expect(admin.page.getByTestId('audit-footer').textContent()).resolves.toMatch(
      /已显示全部 \d+ 条/,
    );
  });

  it('tells a user who is not an admin that the page is not for them', async () => {
    const other = await newPage('lisi');
    try {
      await other.page.goto(`${server.url}/admin/users`);
      await signIn(other.page, 'lisi', resetPassword);
      // lisi must first replace the reset password; after that the address still says no.
      await other.page.getByTestId('password-old').fill(resetPassword);
      await other.page.getByTestId('password-new').fill(lisi.password);
      await other.page.getByTestId('password-confirm').fill(lisi.password);
      await other.page.getByTestId('password-submit').click();
      const refusal = other.page.getByTestId('no-permission');
      await refusal.waitFor();
      await expect(refusal.textContent()).resolves.toContain('没有权限');
      expect(await other.page.getByTestId('nav-admin-users').count()).toBe(0);
      expect(await other.page.getByTestId('nav-admin-branches').count()).toBe(0);
      expect(await other.page.getByTestId('user-row').count()).toBe(0);
      const refusalShot = besideScreenshot('admin-refused');
      if (refusalShot) await other.page.screenshot({ path: refusalShot });
    } finally {
      await other.context.close();
    }
  });

  itStayedOnItsOrigin(record, () => server.url);
});
