import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCount } from '../../shared/editor/characterCount.js';
import {
  besideScreenshot,
  itStayedOnItsOrigin,
  newPageRecord,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { WORD_MATERIAL } from '../helpers/officeClipboard.js';
import {
  caretAtEnd,
  openSharedDocument,
  storedBlocksFrom,
  storedJson,
  type SharedDocumentPages,
} from '../helpers/sharedDocumentPages.js';
import type { ProviderClient } from '../helpers/syncClients.js';

// SCREENSHOT_PATH=shot.png keeps the editor with its toolbar, outline and 字数 after the paste
// as shot-editing.png.

describe('pasting from Word into a shared document in Chromium, and its outline', () => {
  const record = newPageRecord();
  let pages: SharedDocumentPages;
  /** 王书记 pastes; 张三 and the observer see what arrives. */
  let wang: BrowserPerson;
  let zhang: BrowserPerson;
  let observer: ProviderClient;

  beforeAll(async () => {
    pages = await openSharedDocument(record);
    ({ wang, zhang, observer } = pages);
  });

  afterAll(async () => {
    await pages?.close();
  });

  it('pastes from Word keeping headings, paragraphs, bold and lists, and nothing else', async () => {
    // Into the empty paragraph under 三、整改措施 the document ends with.
    await caretAtEnd(wang.page);
    await wang.page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '班子对照检查材料');
      document
        .querySelector('[data-testid="editor"]')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    }, WORD_MATERIAL);

    const pasted = [
      'h1:班子对照检查材料',
      'p:根据会议安排，现将对照检查情况报告如下。',
      'h2:一、存在的主要问题',
      'h3:（一）理论学习方面',
      'p:学习贯彻习近平新时代中国特色社会主义思想不够系统，满足于读原文、记笔记，联系实际不紧。' +
        '**2023年**以来集中学习12次。',
      'ol[li[p:学原文不够 ul[li[p:以听代学]]] li[p:悟原理不深]]',
      'h2:二、原因剖析',
    ];
    // What the other people get is the Yjs document: the observer reads it as they do.
    await expect
      .poll(() => storedBlocksFrom(observer, pasted[0]!, pasted.length), { timeout: WAIT_MS })
      .toEqual(pasted);

    for (const page of [wang.page, zhang.page]) {
      const inEditor = (selector: string) => page.locator(`[data-testid="editor"] ${selector}`);
      await inEditor('h1').filter({ hasText: '班子对照检查材料' }).waitFor();
      await expect(inEditor('strong').allTextContents()).resolves.toContain('2023年');
      await expect(inEditor('ol li ul li').textContent()).resolves.toBe('以听代学');
      for (const foreign of [
        'img:not(.ProseMirror-separator)',
        'font',
        '[class^="Mso"]',
        'o\\:p',
      ]) {
        expect(await inEditor(foreign).count()).toBe(0);
      }
      // The only inline styles are other people's carets.
      const styled = inEditor('[style]:not([class^="collaboration-carets"])');
      expect(await styled.count()).toBe(0);
    }

    // The pasted sections are counted and listed like typed ones.
    const count = documentCount(storedJson(observer));
    await expect
      .poll(() => wang.page.getByTestId('character-count').textContent(), { timeout: WAIT_MS })
      .toBe(`全文 ${count.total.toLocaleString('zh-CN')} 字`);
    const titles = wang.page.getByTestId('outline-section').locator('.section-outline__title');
    await expect
      .poll(() => titles.allTextContents(), { timeout: WAIT_MS })
      .toEqual(count.sections.map((section) => section.title));
  });

  it('scrolls to a section when it is picked in the outline', async () => {
    const scroller = wang.page.locator('.collaborative-editor__scroll');
    await expect(scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).resolves.toBe(true);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));

    /** Where the `index`th 一、 heading is, from the top and bottom of the visible text. */
    const placeOf = (index: number) =>
      wang.page.evaluate((i) => {
        const box = document
          .querySelector('.collaborative-editor__scroll')!
          .getBoundingClientRect();
        const heading = document.querySelectorAll('[data-testid="editor"] h2')[i]!;
        const { top, bottom } = heading.getBoundingClientRect();
        return { fromTop: top - box.top, toBottom: box.bottom - bottom };
      }, index);
    const sections = wang.page.getByTestId('outline-section');

    // Up from the end: the first section's heading comes to the top of the text.
    await sections.first().click();
    await expect.poll(async () => (await placeOf(0)).fromTop, { timeout: WAIT_MS }).toBeLessThan(4);
    expect((await placeOf(0)).fromTop).toBeGreaterThanOrEqual(-1);

    // Down again: the last section's heading comes into view.
    await sections.last().click();
    const last = (await sections.count()) - 1;
    await expect
      .poll(async () => (await placeOf(last)).toBottom, { timeout: WAIT_MS })
      .toBeGreaterThanOrEqual(0);
    expect((await placeOf(last)).fromTop).toBeGreaterThanOrEqual(-1);
    await expect(scroller.evaluate((el) => el.scrollTop)).resolves.toBeGreaterThan(0);

    const shot = besideScreenshot('editing');
    if (shot) await wang.page.screenshot({ path: shot });
  });

  itStayedOnItsOrigin(record, () => pages.server.url);
});
