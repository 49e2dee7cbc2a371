import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FIELD } from '../../shared/editor/documentExtensions.js';
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
import { storedDocument } from '../helpers/storedDocument.js';

// SCREENSHOT_PATH=shot.png keeps 王书记's page offline after the reload as shot-offline.png.

const offlineText = '王书记离线补充：整改要落到实处。';
const onlineText = '张三在线补充：按期完成整改。';

/** The connection state's label for each phase (useConnectionState.ts). */
const labels = {
  connected: '已连接',
  saved: '已保存',
  offline: '离线：修改会在恢复连接后同步',
} as const;

describe('editing offline in Chromium: never lose a keystroke', () => {
  let server: TestServer;
  let browser: Browser;
  let setup: MeetingFixture;
  let documentName: string;
  const record = newPageRecord();
  /** 王书记: goes offline, types, reloads, comes back. */
  let wang: BrowserPerson;
  /** 张三: stays online and types meanwhile. */
  let zhang: BrowserPerson;

  /** Waits until the page's connection state is `phase`, shown with its label. */
  async function waitForState(page: Page, phase: keyof typeof labels): Promise<void> {
    const badge = page.locator(`[data-testid="connection-status"][data-phase="${phase}"]`);
    await badge.waitFor({ timeout: WAIT_MS });
    await expect(badge.textContent()).resolves.toBe(labels[phase]);
  }

  function editorText(page: Page): Promise<string | null> {
    return page.getByTestId('editor').textContent();
  }

  async function waitForEditorText(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="editor"]')?.textContent?.includes(expected) ?? false,
      text,
      { timeout: WAIT_MS },
    );
  }

  /** Types `text` as a new paragraph at the end of the document. */
  async function typeAtEnd(page: Page, text: string): Promise<void> {
    await page.getByTestId('editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  }

  /** Names of the IndexedDB copies this page's browser keeps for user `userId`. */
  function localCopies(page: Page, userId: number): Promise<string[]> {
    return page.evaluate(
      async (marker) =>
        (await indexedDB.databases()).flatMap(({ name }) => (name?.includes(marker) ? [name] : [])),
      `/u${userId}/`,
    );
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    setup = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: '离线',
      cast: [wangshuji, zhangsan],
      statuses: ['open'],
    });
    documentName = `m/${setup.meeting.id}/collective`;
    browser = await launchChromium();
    wang = await newPerson(browser, record, 'wangshuji');
    zhang = await newPerson(browser, record, 'zhangsan');
  });

  afterAll(async () => {
    await wang?.context.close();
    await zhang?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('opens the collective material for both, connected, and ready to reopen offline', async () => {
    const documentUrl = `${server.url}/meetings/${setup.meeting.id}/docs/collective`;
    for (const [person, who] of [
      [wang, wangshuji],
      [zhang, zhangsan],
    ] as const) {
      await person.page.goto(documentUrl);
      await signIn(person.page, who.username, who.password);
      await waitForState(person.page, 'connected');
    }
    // The service worker has the shell, the scripts and the page's answers.
    await wang.page.locator('[data-offline-ready="true"]').waitFor({ timeout: WAIT_MS });
    expect(await localCopies(wang.page, setup.people['secretary']!.id)).toEqual([
      `shenghuohui/${new URL(server.url).origin}/u${setup.people['secretary']!.id}/${documentName}`,
    ]);
  });

  it('says 离线 as soon as the network goes, and keeps what is typed in this browser', async () => {
    await wang.context.setOffline(true);
    await waitForState(wang.page, 'offline');
    await typeAtEnd(wang.page, offlineText);
    await waitForEditorText(wang.page, offlineText);
    // Committed to IndexedDB: safe to reload.
    await wang.page
      .locator('[data-testid="connection-status"][data-phase="offline"][data-kept-locally="true"]')
      .waitFor({ timeout: WAIT_MS });
    // Nothing reached the others, whose state did not change.
    await waitForState(zhang.page, 'connected');
    expect(await editorText(zhang.page)).not.toContain(offlineText);
  });

  it('opens the page again from this browser when reloaded offline, with the text', async () => {
    await wang.page.reload();
    await waitForEditorText(wang.page, offlineText);
    await waitForState(wang.page, 'offline');
    expect(await wang.page.evaluate(() => navigator.onLine)).toBe(false);
    await expect(wang.page.getByTestId('document-title').textContent()).resolves.toBe(
      '班子对照检查材料',
    );
    const shot = besideScreenshot('offline');
    if (shot) await wang.page.screenshot({ path: shot });
  });

  it('lets 张三 write online meanwhile, saved on the server', async () => {
    await typeAtEnd(zhang.page, onlineText);
    await waitForState(zhang.page, 'saved');
    // 已保存 means stored: the server's copy has it already.
    const stored = (await storedDocument(server, documentName)).getXmlFragment(DOCUMENT_FIELD);
    expect(stored.toString()).toContain(onlineText);
    expect(await editorText(wang.page)).not.toContain(onlineText);
  });

  it('merges both edits when the network returns, for both and on the server', async () => {
    await wang.context.setOffline(false);
    // The copy said it held unsaved edits; the server has acknowledged them.
    await waitForState(wang.page, 'saved');
    await waitForEditorText(wang.page, onlineText);
    await waitForEditorText(zhang.page, offlineText);
    await waitForState(zhang.page, 'saved');
    for (const page of [wang.page, zhang.page]) {
      const text = (await editorText(page)) ?? '';
      expect(text).toContain(offlineText);
      expect(text).toContain(onlineText);
    }
    const stored = (await storedDocument(server, documentName)).getXmlFragment(DOCUMENT_FIELD);
    expect(stored.toString()).toContain(offlineText);
    expect(stored.toString()).toContain(onlineText);
  });

  it("shows a closed meeting's document as final and read-only", async () => {
    await setMeetingStatus(server, setup, 'in-progress');
    await setMeetingStatus(server, setup, 'closed');
    for (const page of [wang.page, zhang.page]) {
      const banner = page.getByTestId('final-banner');
      await banner.waitFor({ timeout: WAIT_MS });
      await expect(banner.textContent()).resolves.toBe('会议已结束，材料已定稿（只读）');
      await page
        .locator('[data-testid="editor"][contenteditable="false"]')
        .waitFor({ timeout: WAIT_MS });
      await waitForState(page, 'connected');
      await waitForEditorText(page, offlineText);
    }
  });

  it("forgets the person's local copies and cached answers on sign-out", async () => {
    const zhangId = setup.people['member']!.id;
    expect(await localCopies(zhang.page, zhangId)).toHaveLength(1);
    await zhang.page.getByTestId('sign-out').click();
    await zhang.page.getByTestId('sign-in-username').waitFor({ timeout: WAIT_MS });
    await zhang.page.waitForFunction(
      async (marker) => {
        const copies = (await indexedDB.databases()).filter(({ name }) => name?.includes(marker));
        const answers = (await caches.keys()).filter((name) => name.startsWith('shenghuohui-api'));
        return copies.length === 0 && answers.length === 0;
      },
      `/u${zhangId}/`,
      { timeout: WAIT_MS },
    );
  });

  itStayedOnItsOrigin(record, () => server.url);
});
