import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../shared/meetings/meetingTemplates.js';
import { NEW_ADMIN_PASSWORD, adminToken, api } from '../helpers/apiClient.js';
import {
  besideScreenshot,
  newPageRecord,
  newPerson,
  itStayedOnItsOrigin,
  signIn,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createReadyUser, signInOverHttp, type NewUser } from '../helpers/userAccounts.js';

// SCREENSHOT_PATH=shot.png keeps the pages as shot-new-meeting.png, shot-meeting.png, …

const branchName = '机关第一党支部';
const templateName = '2023年主题教育专题民主生活会';
const template = BUILT_IN_TEMPLATES.find((t) => t.name === templateName)!;
const secretary: NewUser = {
  username: 'wangshuji',
  displayName: '王书记',
  initialPassword: 'Anfang-2026-ws',
  password: 'Wang-Shuji-2026!',
};
const attendee: NewUser = {
  username: 'qianliexi',
  displayName: '钱列席',
  initialPassword: 'Anfang-2026-ql',
  password: 'Qian-Liexi-2026!',
};

async function expectOk<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await pending;
  if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('a secretary sets up a meeting in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const record = newPageRecord();
  let wang: BrowserPerson;
  let qian: BrowserPerson;
  let meetingUrl: string;
  let secretaryId: number;

  /** The texts of the editor's headings of one level, top to bottom. */
  function headings(page: Page, level: 2 | 3): Promise<string[]> {
    return page.getByTestId('editor').locator(`h${level}`).allTextContents();
  }

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await adminToken(server);
    // The secretary keeps the admin's initial password: replacing it is part of the test.
    const created = await expectOk(
      api<{ user: { id: number } }>(server, 'POST', '/api/users', {
        token: admin,
        body: {
          username: secretary.username,
          displayName: secretary.displayName,
          password: secretary.initialPassword,
        },
      }),
    );
    // From outside the branch: anyone may attend (列席).
    await createReadyUser(server, NEW_ADMIN_PASSWORD, attendee);
    const branch = await expectOk(
      api<{ branch: { id: number } }>(server, 'POST', '/api/branches', {
        token: admin,
        body: { name: branchName },
      }),
    );
    await expectOk(
      api(server, 'POST', `/api/branches/${branch.branch.id}/members`, {
        token: admin,
        body: { userId: created.user.id, role: 'secretary' },
      }),
    );
    secretaryId = created.user.id;
    browser = await launchChromium();
    wang = await newPerson(browser, record, 'secretary');
  });

  afterAll(async () => {
    await wang?.context.close();
    await qian?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('makes the new secretary replace the initial password before anything else', async () => {
    await wang.page.goto(`${server.url}/`);
    await signIn(wang.page, secretary.username, secretary.initialPassword);
    const heading = wang.page.getByTestId('password-heading');
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toBe('请先修改初始密码');
    expect(await wang.page.getByTestId('my-branches').count()).toBe(0);

    await wang.page.getByTestId('password-old').fill(secretary.initialPassword);
    await wang.page.getByTestId('password-new').fill(secretary.password);
    await wang.page.getByTestId('password-confirm').fill(secretary.password);
    await wang.page.getByTestId('password-submit').click();
    await wang.page.getByTestId('my-branches').waitFor();
    await expect(wang.page.getByTestId('my-meetings').textContent()).resolves.toContain('暂无会议');
  });

  it('opens the branch and creates a 民主生活会 from a built-in template', async () => {
    await wang.page.getByTestId('branch-link').filter({ hasText: branchName }).click();
    await wang.page.waitForURL(/\/branches\/\d+$/);
    await expect(wang.page.getByTestId('branch-name').textContent()).resolves.toBe(branchName);
    await wang.page.getByTestId('new-meeting').click();
    await wang.page.waitForURL(/\/branches\/\d+\/meetings\/new$/);

    await wang.page.getByTestId('meeting-kind-democratic-life').check();
    await wang.page.getByTestId('meeting-template').selectOption({ label: templateName });
    // The template fills in the title, year, theme and the aspects, which stay editable.
    const form = wang.page.getByTestId('create-meeting-form');
    await expect(form.getByTestId('meeting-title-input').inputValue()).resolves.toBe(templateName);
    await expect(form.getByTestId('meeting-year-input').inputValue()).resolves.toBe('2023');
    await expect(form.getByTestId('meeting-theme-input').inputValue()).resolves.toBe(
      template.theme,
    );
    const aspects = form.getByTestId('aspect-input');
    const aspectValues = () =>
      aspects.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect(aspectValues()).resolves.toEqual([...template.aspects]);
    // Reordering and removing work, and the order is put back before saving.
    await form.getByTestId('aspect-down').first().click();
    await expect(aspectValues()).resolves.toEqual([
      template.aspects[1],
      template.aspects[0],
      ...template.aspects.slice(2),
    ]);
    await form.getByTestId('aspect-up').nth(1).click();
    await form.getByTestId('aspect-add').click();
    await expect(aspects.count()).resolves.toBe(7);
    await form.getByTestId('aspect-remove').last().click();
    await expect(aspectValues()).resolves.toEqual([...template.aspects]);

    await form.getByTestId('meeting-time-input').fill('2026-12-20T09:00');
    await form.getByTestId('meeting-location-input').fill('三楼会议室');
    const formShot = besideScreenshot('new-meeting');
    if (formShot) await wang.page.screenshot({ path: formShot, fullPage: true });
    await form.getByTestId('create-meeting-submit').click();

    await wang.page.waitForURL(/\/meetings\/\d+$/);
    meetingUrl = wang.page.url();
    await expect(wang.page.getByTestId('meeting-title').textContent()).resolves.toBe(templateName);
    await expect(wang.page.getByTestId('meeting-status').textContent()).resolves.toBe('草稿');
    await expect(wang.page.getByTestId('meeting-kind').textContent()).resolves.toBe('民主生活会');
    await expect(wang.page.getByTestId('meeting-branch').textContent()).resolves.toBe(branchName);
    await expect(wang.page.getByTestId('meeting-time').textContent()).resolves.toBe(
      '2026-12-20 09:00',
    );
    await expect(wang.page.getByTestId('meeting-location').textContent()).resolves.toBe(
      '三楼会议室',
    );
    await expect(
      wang.page.getByTestId('meeting-aspects').locator('li').allTextContents(),
    ).resolves.toEqual([...template.aspects]);
  });

  it('opens 班子对照检查材料 with the outline of the aspects as headings', async () => {
    const link = wang.page.getByTestId('document-link').filter({ hasText: '班子对照检查材料' });
    // The host writes it: no 只读 beside it.
    expect(await link.locator('..').getByTestId('document-read-only').count()).toBe(0);
    await link.click();
    await wang.page.waitForURL(/\/meetings\/\d+\/docs\/collective$/);
    await expect(wang.page.getByTestId('document-title').textContent()).resolves.toBe(
      '班子对照检查材料',
    );
    await wang.page.getByTestId('connection-status').filter({ hasText: '已连接' }).waitFor();
    await wang.page.getByTestId('editor').locator('h2').nth(2).waitFor();
    await expect(headings(wang.page, 2)).resolves.toEqual([
      '一、存在的主要问题',
      '二、原因剖析',
      '三、整改措施',
    ]);
    await expect(headings(wang.page, 3)).resolves.toEqual([
      '（一）理论学习方面',
      '（二）政治素质方面',
      '（三）能力本领方面',
      '（四）担当作为方面',
      '（五）工作作风方面',
      '（六）廉洁自律方面',
    ]);
    await expect(wang.page.getByTestId('editor').getAttribute('contenteditable')).resolves.toBe(
      'true',
    );
    expect(await wang.page.getByTestId('read-only-marker').count()).toBe(0);
    const docShot = besideScreenshot('collective');
    if (docShot) await wang.page.screenshot({ path: docShot });
  });

  it('adds an attendee from outside the branch in the participants editor, and publishes', async () => {
    await wang.page.getByTestId('back-to-meeting').click();
    await wang.page.waitForURL(meetingUrl);
    const editor = wang.page.getByTestId('participants-editor');
    await editor.waitFor();
    const row = editor.locator(
      `[data-testid="participant-row"][data-username="${attendee.username}"]`,
    );
    // Outsiders are listed on request.
    expect(await row.count()).toBe(0);
    await editor.getByTestId('participants-show-others').check();
    const attendance = row.getByTestId('participant-attendance');
    // Not a member: attendee, supervisor or nothing; neither host nor recorder.
    await expect(
      attendance
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toEqual(['attendee', 'supervisor', 'none']);
    await expect(row.getByTestId('participant-host').isDisabled()).resolves.toBe(true);
    await attendance.selectOption('attendee');
    await editor.getByTestId('participants-save').click();
    await editor.getByTestId('participants-saved').waitFor();
    const meetingShot = besideScreenshot('meeting');
    if (meetingShot) await wang.page.screenshot({ path: meetingShot, fullPage: true });

    await wang.page.getByTestId('status-to-open').click();
    await wang.page.getByTestId('meeting-status').filter({ hasText: '会前准备' }).waitFor();
    const meetingId = Number(new URL(meetingUrl).pathname.split('/').pop());
    const detail = await expectOk(
      api<{ meeting: { status: string; participants: { username: string; roles: string[] }[] } }>(
        server,
        'GET',
        `/api/meetings/${meetingId}`,
        { token: await signInOverHttp(server, attendee.username, attendee.password) },
      ),
    );
    expect(detail.meeting.status).toBe('open');
    expect(
      detail.meeting.participants.find((p) => p.username === attendee.username)?.roles,
    ).toEqual(['attendee']);
  });

  it('shows the attendee the material read-only', async () => {
    qian = await newPerson(browser, record, 'attendee');
    await qian.page.goto(`${server.url}/`);
    await signIn(qian.page, attendee.username, attendee.password);
    const item = qian.page.getByTestId('meeting-item').filter({ hasText: templateName });
    await item.waitFor();
    await expect(item.getByTestId('meeting-my-roles').textContent()).resolves.toBe(
      '我的角色：列席人员',
    );
    await item.getByRole('link', { name: templateName }).click();
    await qian.page.waitForURL(meetingUrl);
    // No editor of participants for someone who does not manage the meeting.
    await qian.page.getByTestId('participant-summary').waitFor();
    expect(await qian.page.getByTestId('participants-editor').count()).toBe(0);
    expect(await qian.page.getByTestId('status-to-in-progress').count()).toBe(0);

    const link = qian.page.getByTestId('document-link').filter({ hasText: '班子对照检查材料' });
    await expect(link.locator('..').getByTestId('document-read-only').textContent()).resolves.toBe(
      '只读',
    );
    await link.click();
    await qian.page.waitForURL(/\/docs\/collective$/);
    await expect(qian.page.getByTestId('read-only-marker').textContent()).resolves.toBe('只读');
    await qian.page.getByTestId('connection-status').filter({ hasText: '已连接' }).waitFor();
    await qian.page.getByTestId('editor').locator('h3').nth(5).waitFor();
    await expect(headings(qian.page, 3)).resolves.toHaveLength(6);
    await expect(qian.page.getByTestId('editor').getAttribute('contenteditable')).resolves.toBe(
      'false',
    );
    const readOnlyShot = besideScreenshot('read-only');
    if (readOnlyShot) await qian.page.screenshot({ path: readOnlyShot });
  });

  it("tells the attendee that someone else's notes are not theirs to open", async () => {
    const notes = qian.page.getByTestId('document-link').filter({ hasText: '个人笔记' });
    await qian.page.getByTestId('back-to-meeting').click();
    await notes.first().waitFor();
    // Only one's own notes are listed; the secretary's are refused by address.
    await expect(notes.allTextContents()).resolves.toEqual(['个人笔记（钱列席）']);
    await qian.page.goto(`${meetingUrl}/docs/notes/${secretaryId}`);
    const refusal = qian.page.getByTestId('document-no-access');
    await refusal.waitFor();
    await expect(refusal.locator('h2').textContent()).resolves.toBe('无权访问或文档不存在');
    expect(await qian.page.getByTestId('editor').count()).toBe(0);
  });

  itStayedOnItsOrigin(record, () => server.url);
});
