import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Browser, Page } from 'playwright-core';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import { NEW_ADMIN_PASSWORD, adminToken } from './apiClient.js';
import {
  newPerson,
  signIn,
  WAIT_MS,
  type BrowserPerson,
  type PageRecord,
} from './browserPeople.js';
import { launchChromium } from './launchChromium.js';
import {
  createMeetingFixture,
  WANGSHUJI as wangshuji,
  ZHANGSAN as zhangsan,
  type MeetingFixture,
} from './meetingFixture.js';
import { startTestServer, type TestServer } from './startTestServer.js';
import { connectProvider, waitFor, waitForSynced, type ProviderClient } from './syncClients.js';

const schema = getSchema(documentExtensions());

/** 王书记 and 张三 in Chromium on an open meeting's collective material, and an observer. */
export interface SharedDocumentPages {
  server: TestServer;
  setup: MeetingFixture;
  browser: Browser;
  wang: BrowserPerson;
  zhang: BrowserPerson;
  /** A third copy of the document outside any browser, for what the Yjs document holds. */
  observer: ProviderClient;
  close(): Promise<void>;
}

/**
 * Starts a server with an open meeting, signs 王书记 and 张三 in on its collective material
 * (both may write it) and waits until both editors hold its text; the observer is 张三 again,
 * over the stock y-websocket provider in Node.
 */
export async function openSharedDocument(record: PageRecord): Promise<SharedDocumentPages> {
  const server = await startTestServer();
  await adminToken(server);
  const setup = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
    prefix: '机关',
    cast: [wangshuji, zhangsan],
    statuses: ['open'],
  });
  const browser = await launchChromium();
  const wang = await newPerson(browser, record, 'wangshuji');
  const zhang = await newPerson(browser, record, 'zhangsan');
  const documentUrl = `${server.url}/meetings/${setup.meeting.id}/docs/collective`;
  for (const [person, who] of [
    [wang, wangshuji],
    [zhang, zhangsan],
  ] as const) {
    await person.page.goto(documentUrl);
    await signIn(person.page, who.username, who.password);
    // The outline appears once the document's text has arrived.
    await person.page.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
    await person.page.getByTestId('outline-section').first().waitFor();
  }
  const documentName = `m/${setup.meeting.id}/collective`;
  const observer = connectProvider(server.syncUrl, documentName, setup.people['member']!.token);
  await waitForSynced(observer);
  return {
    server,
    setup,
    browser,
    wang,
    zhang,
    observer,
    close: async () => {
      observer.destroy();
      await wang.context.close();
      await zhang.context.close();
      await browser.close();
      await server.close();
    },
  };
}

/** The observer's document as JSON, in the schema the editors and the server use. */
export function storedJson(observer: ProviderClient): JSONContent {
  const fragment = observer.doc.getXmlFragment(DOCUMENT_FIELD);
  return yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
}

export async function waitForStored(
  observer: ProviderClient,
  text: string,
  present = true,
): Promise<void> {
  await waitFor(
    () => JSON.stringify(storedJson(observer)).includes(text) === present,
    `the Yjs document ${present ? 'to hold' : 'to lose'} ${text}`,
    WAIT_MS,
  );
}

/** A block as a short line: `h2:一、…`, `p:…**bold**…`, `ol[li[p:…]]`, for comparing structure. */
export function shape(node: JSONContent): string {
  const inner = (node.content ?? []).map(shape);
  switch (node.type) {
    case 'text':
      return node.marks?.some((mark) => mark.type === 'bold') ? `**${node.text}**` : node.text!;
    case 'heading':
      return `h${node.attrs?.['level']}:${inner.join('')}`;
    case 'paragraph':
      return `p:${inner.join('')}`;
    case 'bulletList':
      return `ul[${inner.join(' ')}]`;
    case 'orderedList':
      return `ol[${inner.join(' ')}]`;
    case 'listItem':
      return `li[${inner.join(' ')}]`;
    default:
      return `${node.type}[${inner.join(' ')}]`;
  }
}

/** The stored document's top-level blocks from the one shaped `first`, `count` of them. */
export function storedBlocksFrom(observer: ProviderClient, first: string, count: number): string[] {
  const blocks = (storedJson(observer).content ?? []).map(shape);
  const start = blocks.indexOf(first);
  return start === -1 ? [] : blocks.slice(start, start + count);
}

export async function waitForEditorText(page: Page, text: string, present = true): Promise<void> {
  await page.waitForFunction(
    ([expected, wanted]) =>
      (document.querySelector('[data-testid="editor"]')?.textContent?.includes(expected) ??
        false) === wanted,
    [text, present] as const,
    { timeout: WAIT_MS },
  );
}

/** Puts the caret at the end of the document's last block. */
export async function caretAtEnd(page: Page): Promise<void> {
  // Through the editor TipTap hangs on its element, not a click or Control+End: Chromium's
  // caret can stop at another person's caret (an uneditable widget) on its way down.
  await page.evaluate(() => {
    const element = document.querySelector('[data-testid="editor"]') as HTMLElement & {
      editor: { commands: { focus(position: 'end'): boolean } };
    };
    element.editor.commands.focus('end');
  });
  // TipTap focuses on the next animation frame; keys pressed before that would go elsewhere.
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'editor',
  );
}

/** Puts the caret in a new paragraph at the end of the document. */
export async function newParagraphAtEnd(page: Page): Promise<void> {
  await caretAtEnd(page);
  await page.keyboard.press('Enter');
}
