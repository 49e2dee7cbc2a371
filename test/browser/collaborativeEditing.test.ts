import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/launchChromium.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

// Set to a file path to keep a picture of the editor with two people in it.
const screenshotPath = process.env.SCREENSHOT_PATH;
const waitMs = 15_000;

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

describe('two people editing one document in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const documentName = `test/${randomUUID().slice(0, 8)}`;
  const requestedUrls: string[] = [];
  const socketUrls: string[] = [];
  const pageErrors: string[] = [];
  let alice: Person;
  let bob: Person;

  async function newPerson(name: string): Promise<Person> {
    // Separate contexts: separate storage, so each is a different person to the server.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.on('request', (request) => requestedUrls.push(request.url()));
    context.on('page', (page) => page.on('websocket', (socket) => socketUrls.push(socket.url())));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    // Choose the display name on the home page; it is remembered for the document page.
    await page.goto(`${server.url}/`);
    await page.getByTestId('display-name').fill(name);
    return { name, context, page };
  }

  function statusOf(page: Page, text: string) {
    return page.getByTestId('connection-status').filter({ hasText: text });
  }

  async function waitForEditorText(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="editor"]')?.textContent?.includes(expected) ?? false,
      text,
      { timeout: waitMs },
    );
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    alice = await newPerson('张三');
    bob = await newPerson('李四');
  });

  afterAll(async () => {
    await alice?.context.close();
    await bob?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('opens the document from the form and from its address, and connects both', async () => {
    await alice.page.getByTestId('document-name').fill(documentName);
    await alice.page.getByTestId('open-document').click();
    await alice.page.waitForURL(`${server.url}/doc/${documentName}`);
    // Bob arrives by address: the server must answer a client route with the app.
    await bob.page.goto(`${server.url}/doc/${documentName}`);

    await statusOf(alice.page, '已连接').waitFor({ timeout: waitMs });
    await statusOf(bob.page, '已连接').waitFor({ timeout: waitMs });
  });

  it('shows each person what the other types', async () => {
    await alice.page.getByTestId('editor').click();
    await alice.page.keyboard.type('张三：批评与自我批评。');
    await waitForEditorText(bob.page, '张三：批评与自我批评。');

    await bob.page.getByTestId('editor').click();
    await bob.page.keyboard.press('End');
    await bob.page.keyboard.press('Enter');
    await bob.page.keyboard.type('李四：整改措施。');
    await waitForEditorText(alice.page, '李四：整改措施。');
    await waitForEditorText(alice.page, '张三：批评与自我批评。');
  });

  it("shows the other person's caret and presence with their name", async () => {
    const caretLabel = (page: Page, name: string) =>
      page.locator('.collaboration-carets__label', { hasText: name });
    await caretLabel(alice.page, '李四').waitFor({ timeout: waitMs });
    await caretLabel(bob.page, '张三').waitFor({ timeout: waitMs });

    await alice.page.getByTestId('peer').filter({ hasText: '李四' }).waitFor({ timeout: waitMs });
    await bob.page.getByTestId('peer').filter({ hasText: '张三' }).waitFor({ timeout: waitMs });

    if (screenshotPath) await alice.page.screenshot({ path: screenshotPath });
  });

  it('says it is reconnecting when the server goes away', async () => {
    await server.stop();
    await statusOf(alice.page, '正在重连').waitFor({ timeout: waitMs });
    await statusOf(bob.page, '正在重连').waitFor({ timeout: waitMs });
  });

  it('made no request to any other origin and raised no page error', () => {
    const origin = new URL(server.url).origin;
    const syncOrigin = origin.replace(/^http/, 'ws');
    expect(requestedUrls.length).toBeGreaterThan(0);
    const elsewhere = requestedUrls.filter(
      (url) => !url.startsWith('data:') && new URL(url).origin !== origin,
    );
    expect(elsewhere).toEqual([]);
    expect(socketUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of socketUrls) {
      expect(url.startsWith(`${syncOrigin}/yjs/${documentName}`)).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  });
});
