import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCount } from '../../shared/editor/characterCount.js';
import {
  itStayedOnItsOrigin,
  newPageRecord,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { setMeetingStatus } from '../helpers/meetingFixture.js';
import {
  newParagraphAtEnd,
  openSharedDocument,
  storedBlocksFrom,
  storedJson,
  waitForEditorText,
  waitForStored,
  type SharedDocumentPages,
} from '../helpers/sharedDocumentPages.js';
import type { ProviderClient } from '../helpers/syncClients.js';

describe('editing fit for official writing, two people in Chromium', () => {
  const record = newPageRecord();
  let pages: SharedDocumentPages;
  /** 王书记 and 张三 both write the collective material. */
  let wang: BrowserPerson;
  let zhang: BrowserPerson;
  let observer: ProviderClient;

  const editor = (page: Page) => page.getByTestId('editor');
  const editorText = (page: Page) => editor(page).textContent();

  beforeAll(async () => {
    pages = await openSharedDocument(record);
    ({ wang, zhang, observer } = pages);
  });

  afterAll(async () => {
    await pages?.close();
  });

  // First, so that nothing else 王书记 typed is on his undo stack.
  it("undoes only one's own typing: 王书记's text goes, 张三's stays", async () => {
    const mine = '王书记补充：带头查摆问题。';
    const theirs = '张三补充：认真整改落实。';
    await newParagraphAtEnd(wang.page);
    await wang.page.keyboard.type(mine);
    await waitForEditorText(zhang.page, mine);
    await newParagraphAtEnd(zhang.page);
    await zhang.page.keyboard.type(theirs);
    await waitForEditorText(wang.page, theirs);

    const undoButton = wang.page.getByTestId('toolbar-undo');
    const redoButton = wang.page.getByTestId('toolbar-redo');
    await expect(redoButton.isDisabled()).resolves.toBe(true);

    /** Both pages and the stored document show 王书记's text or not, and 张三's always. */
    const expectMine = async (present: boolean) => {
      for (const page of [wang.page, zhang.page]) {
        await waitForEditorText(page, mine, present);
        await expect(editorText(page)).resolves.toContain(theirs);
      }
      await waitForStored(observer, mine, present);
      expect(JSON.stringify(storedJson(observer))).toContain(theirs);
    };

    await wang.page.keyboard.press('Control+z');
    await expectMine(false);
    await expect(redoButton.isEnabled()).resolves.toBe(true);
    await redoButton.click();
    await expectMine(true);
    await undoButton.click();
    await expectMine(false);
    await wang.page.keyboard.press('Control+y');
    await expectMine(true);
    await wang.page.keyboard.press('Control+z');
    await expectMine(false);
    await wang.page.keyboard.press('Control+Shift+z');
    await expectMine(true);

    // 张三 has not typed since 王书记's undo, and his own undo takes back only his text.
    await editor(zhang.page).click();
    await zhang.page.keyboard.press('Control+z');
    for (const page of [wang.page, zhang.page]) {
      await waitForEditorText(page, theirs, false);
      await expect(editorText(page)).resolves.toContain(mine);
    }
  });

  it('shows the whole 字数 and each section’s, as the Yjs document counts them', async () => {
    const count = documentCount(storedJson(observer));
    const format = (n: number) => n.toLocaleString('zh-CN');
    const status = wang.page.getByTestId('character-count');
    await wang.page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="character-count"]')?.textContent === expected,
      `全文 ${format(count.total)} 字`,
      { timeout: WAIT_MS },
    );
    const sections = wang.page.getByTestId('outline-section');
    const titles = await sections.locator('.section-outline__title').allTextContents();
    expect(titles).toEqual(count.sections.map((section) => section.title));
    expect(titles[0]).toBe('一、存在的主要问题');
    const counts = await sections.getByTestId('outline-count').allTextContents();
    expect(counts).toEqual(count.sections.map((section) => `${format(section.characters)} 字`));
    const subsections = await wang.page.getByTestId('outline-subsection').count();
    expect(subsections).toBe(count.sections[0]!.subsections.length);

    // 张三 types five characters and a space, which counts nothing: both pages count them.
    const before = count.total;
    const last = count.sections.at(-1)!;
    await newParagraphAtEnd(zhang.page);
    await zhang.page.keyboard.type('问题 清单。\n');
    await expect
      .poll(() => status.textContent(), { timeout: WAIT_MS })
      .toBe(`全文 ${format(before + 5)} 字`);
    await expect
      .poll(() => sections.last().getByTestId('outline-count').textContent(), {
        timeout: WAIT_MS,
      })
      .toBe(`${format(last.characters + 5)} 字`);
  });

  it("formats with the toolbar and TipTap's shortcuts, in the fonts of official writing", async () => {
    const page = wang.page;
    const type = (text: string) => page.keyboard.type(text);
    // The toolbar follows the selection a render later.
    const expectPressed = (id: string, pressed: 'true' | 'false') =>
      expect
        .poll(() => page.getByTestId(`toolbar-${id}`).getAttribute('aria-pressed'))
        .toBe(pressed);
    await newParagraphAtEnd(page);
    await type('四、其他事项');
    await page.getByTestId('toolbar-heading2').click();
    await expectPressed('heading2', 'true');
    await expectPressed('paragraph', 'false');
    // The new section is in the outline of both, with its 字数.
    for (const person of [wang, zhang]) {
      const section = person.page
        .getByTestId('outline-section')
        .filter({ hasText: '四、其他事项' });
      await expect
        .poll(() => section.getByTestId('outline-count').textContent(), { timeout: WAIT_MS })
        .toBe('6 字');
    }

    await page.keyboard.press('Enter');
    await type('（一）会风会纪');
    await page.keyboard.press('Control+Alt+3');
    await page.keyboard.press('Enter');
    // "1." straight before the text, as official writing types it (with a space it starts a list).
    await type('1.按时参会');
    await page.getByTestId('toolbar-heading4').click();
    await page.keyboard.press('Enter');
    await type('（1）不迟到');
    await page.getByTestId('toolbar-heading5').click();
    await page.keyboard.press('Enter');
    await type('正文内容，');
    await page.keyboard.press('Control+b');
    await type('加粗');
    await page.getByTestId('toolbar-bold').click();
    await type('。');
    await page.keyboard.press('Enter');
    await page.getByTestId('toolbar-bulletList').click();
    await type('甲\n乙\n\n');
    await page.getByTestId('toolbar-orderedList').click();
    await type('丙\n\n');
    await page.keyboard.press('ArrowUp');
    await expectPressed('orderedList', 'true');
    await expectPressed('bulletList', 'false');

    const expected = [
      'h2:四、其他事项',
      'h3:（一）会风会纪',
      'h4:1.按时参会',
      'h5:（1）不迟到',
      'p:正文内容，**加粗**。',
      'ul[li[p:甲] li[p:乙]]',
      'ol[li[p:丙]]',
    ];
    await expect
      .poll(() => storedBlocksFrom(observer, expected[0]!, expected.length), { timeout: WAIT_MS })
      .toEqual(expected);
    await zhang.page.locator('[data-testid="editor"] ol li', { hasText: '丙' }).waitFor();

    const look = (selector: string) =>
      page
        .locator(`[data-testid="editor"] ${selector}`)
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return { font: style.fontFamily, weight: style.fontWeight, indent: style.textIndent };
        });
    const h2 = await look('h2');
    expect(h2.font).toMatch(/^SimHei, 黑体/);
    expect(h2.indent).toBe('0px');
    expect((await look('h3')).font).toMatch(/^KaiTi_GB2312, 楷体_GB2312/);
    expect(await look('h4')).toMatchObject({
      font: expect.stringMatching(/^FangSong_GB2312/),
      weight: '700',
    });
    expect(await look('h5')).toMatchObject({
      font: expect.stringMatching(/^FangSong_GB2312/),
      weight: '400',
    });
    // Body paragraphs start two characters in (2em of 16px); list items do not.
    expect((await look('> p:has(strong)')).indent).toBe('32px');
    expect((await look('li p')).indent).toBe('0px');
  });

  it('hides the toolbar while the document is read-only, and keeps the counts', async () => {
    await setMeetingStatus(pages.server, pages.setup, 'in-progress');
    await setMeetingStatus(pages.server, pages.setup, 'closed');
    for (const page of [wang.page, zhang.page]) {
      await page.locator('[data-testid="editor"][contenteditable="false"]').waitFor();
      await page.getByTestId('editor-toolbar').waitFor({ state: 'detached' });
      await expect(page.getByTestId('character-count').textContent()).resolves.toMatch(
        /^全文 [\d,]+ 字$/,
      );
      await expect(page.getByTestId('section-outline').isVisible()).resolves.toBe(true);
      // Reconnected with read-only rights before the meeting reopens.
      await page.getByTestId('connection-status').filter({ hasText: '已连接' }).waitFor();
    }
    await setMeetingStatus(pages.server, pages.setup, 'in-progress');
    for (const page of [wang.page, zhang.page]) {
      await page.getByTestId('editor-toolbar').waitFor();
    }
  });

  itStayedOnItsOrigin(record, () => pages.server.url);
});
