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

// SCREENSHOT_PATH=shot.png keeps the branch page as shot-admin-branch.png.

const branchName = '机关第一党支部';

describe("the admin's branch pages, and pages whose session ends, in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  const record = newPageRecord();
  let admin: BrowserPerson;
  const newPage = (label: string) => newPerson(browser, record, label, ADMIN_VIEWPORT);

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    await createReadyUser(server, NEW_ADMIN_PASSWORD, lisi);
    browser = await launchChromium();
    admin = await newPage('admin');
    await admin.page.goto(`${server.url}/`);
    await signIn(admin.page, 'admin', NEW_ADMIN_PASSWORD);
    await admin.page.getByTestId('my-meetings').waitFor();
  });

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('creates a branch and manages its members on 支部管理', async () => {
    await admin.page.getByTestId('nav-admin-branches').click();
    await admin.page.waitForURL(`${server.url}/admin/branches`);
    await admin.page.getByTestId('new-branch-name').fill(branchName);
    await admin.page.getByTestId('create-branch-submit').click();
    const branchRow = admin.page.locator(
      `[data-testid="branch-row"][data-branch-name="${branchName}"]`,
    );
    await branchRow.waitFor();
    await expect(admin.page.getByTestId('branches-notice').textContent()).resolves.toContain(
      branchName,
    );
    // The same name again: the refusal is shown from the catalog, in Chinese.
    await admin.page.getByTestId('new-branch-name').fill(branchName);
    await admin.page.getByTestId('create-branch-submit').click();
    const error = admin.page.getByTestId('create-branch-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('已有同名支部');

    await branchRow.getByRole('link', { name: branchName }).click();
    await admin.page.waitForURL(/\/branches\/\d+$/);
    const branchId = Number(new URL(admin.page.url()).pathname.split('/').pop());
    const members = async () =>
      (
        await api<{ members: { username: string; role: string }[] }>(
          server,
          'GET',
          `/api/branches/${branchId}`,
          { token: await signInOverHttp(server, 'admin', NEW_ADMIN_PASSWORD) },
        )
      ).body.members.map((m) => `${m.username}:${m.role}`);

    await admin.page.getByTestId('add-member-user').selectOption({ label: '李四（lisi）' });
    await admin.page.getByTestId('add-member-role').selectOption({ label: '党员' });
    await admin.page.getByTestId('add-member-submit').click();
    const memberRow = admin.page.locator('[data-testid="member-row"][data-username="lisi"]');
    await memberRow.waitFor();
    await expect(members()).resolves.toEqual(['lisi:member']);
    // A member is no longer offered for adding.
    await expect(
      admin.page.getByTestId('add-member-user').locator('option').allTextContents(),
    ).resolves.not.toContain('李四（lisi）');

    await memberRow.getByTestId('member-role-select').selectOption('committee');
    await admin.page.waitForFunction(() => {
      const select = document.querySelector<HTMLSelectElement>(
        '[data-testid="member-row"][data-username="lisi"] select',
      );
      return select?.value === 'committee' && !select.disabled;
    });
    await expect(members()).resolves.toEqual(['lisi:committee']);
    const branchShot = besideScreenshot('admin-branch');
    if (branchShot) await admin.page.screenshot({ path: branchShot, fullPage: true });

    await memberRow.getByTestId('member-remove').click();
    await memberRow.waitFor({ state: 'detached' });
    await expect(members()).resolves.toEqual([]);
  });

  it('sends a page whose session was ended elsewhere back to sign-in on its next request', async () => {
    const other = await newPage('lisi-again');
    try {
      // An address lisi may not open, whose page has a link home.
      await other.page.goto(`${server.url}/admin/users`);
      await signIn(other.page, 'lisi', lisi.password);
      await other.page.getByTestId('no-permission').waitFor();
      // Over HTTP: the admin's page is elsewhere by now.
      const lisiId = (
        await api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', {
          token: await signInOverHttp(server, 'lisi', lisi.password),
        })
      ).body.user.id;
      const ended = await api(server, 'DELETE', `/api/users/${lisiId}/sessions`, {
        token: await signInOverHttp(server, 'admin', NEW_ADMIN_PASSWORD),
      });
      expect(ended.status).toBe(200);
      // Home asks for the meetings and branches: a 401, and the page shows sign-in.
      await other.page.getByTestId('no-permission').getByRole('link').click();
      await other.page.getByTestId('sign-in-username').waitFor();
      expect(await other.page.getByTestId('my-meetings').count()).toBe(0);
    } finally {
      await other.context.close();
    }
  });

  itStayedOnItsOrigin(record, () => server.url);
});
