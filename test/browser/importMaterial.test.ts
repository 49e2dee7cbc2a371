import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import { NEW_ADMIN_PASSWORD, adminToken, api } from '../helpers/apiClient.js';
import {
  besideScreenshot,
  itStayedOnItsOrigin,
  newPageRecord,
  newPerson,
  signIn,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { CHECKING_MATERIAL } from '../helpers/checkingMaterial.js';
import { launchChromium } from '../helpers/launchChromium.js';
import {
  createMeetingFixture,
  WANGSHUJI as wangshuji,
  ZHANGSAN as zhangsan,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { shape, waitForEditorText } from '../helpers/sharedDocumentPages.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { storedDocument, storedRows } from '../helpers/storedDocument.js';

// SCREENSHOT_PATH=shot.png keeps the dialog with the file's preview as shot-import.png.

const schema = getSchema(documentExtensions());

/** （一） then （三）: the parser says that （二） is missing, on the line of （三）. */
const MISNUMBERED = [
  '一、存在的主要问题',
  '（一）在理论学习方面',
  '一是学习不够深入。',
  '（三）在纪律作风方面',
  '一是要求不够严格。',
].join('\n');

describe('importing a checking material in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let setup: MeetingFixture;
  let workDir: string;
  const record = newPageRecord();
  /** 张三 on his own material, in two browser contexts; 王书记 reads it. */
  let zhang: BrowserPerson;
  let zhangAgain: BrowserPerson;
  let wang: BrowserPerson;
  let ownMaterial: string;

  const dialog = (page: Page): Locator => page.getByTestId('import-dialog');
  const storedBlocks = async (): Promise<string[]> => {
    const doc = await storedDocument(server, ownMaterial);
    const json = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), schema);
    return ((json.toJSON() as JSONContent).content ?? []).map(shape);
  };
  const countUpdates = 'SELECT COUNT(*) AS n FROM document_updates WHERE document = ?';
  const documentUpdates = async (): Promise<number> =>
    (await storedRows<{ n: number }>(server, countUpdates, [ownMaterial]))[0]!.n;

  async function openDialog(page: Page): Promise<Locator> {
    await page.getByTestId('import-open').click();
    await dialog(page).getByTestId('import-file').waitFor();
    return dialog(page);
  }

  async function closeDialog(page: Page): Promise<void> {
    await dialog(page).getByTestId('import-cancel').click();
    await dialog(page).waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'import-material-'));
    server = await startTestServer();
    await adminToken(server);
    setup = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: '机关',
      cast: [wangshuji, zhangsan],
      statuses: ['open'],
    });
    ownMaterial = `m/${setup.meeting.id}/self/${setup.people['member']!.id}`;
    browser = await launchChromium();
    zhang = await newPerson(browser, record, 'zhangsan');
    zhangAgain = await newPerson(browser, record, 'zhangsan-again');
    wang = await newPerson(browser, record, 'wangshuji');
    const url = `${server.url}/meetings/${setup.meeting.id}/docs/self/${setup.people['member']!.id}`;
    for (const [person, who] of [
      [zhang, zhangsan],
      [zhangAgain, zhangsan],
      [wang, wangshuji],
    ] as const) {
      await person.page.goto(url);
      await signIn(person.page, who.username, who.password);
      await person.page
        .getByTestId('connection-status')
        .filter({ hasText: '已连接' })
        .waitFor({ timeout: WAIT_MS });
    }
  });

  afterAll(async () => {
    for (const person of [zhang, zhangAgain, wang]) await person?.context.close();
    await browser?.close();
    await server?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('previews a .txt file, replaces the material with it for every open editor, and proposes its measures', async () => {
    const file = path.join(workDir, '个人对照检查材料.txt');
    await writeFile(file, CHECKING_MATERIAL, 'utf8');
    // Marks this page: after the import it must be the same page, not a reloaded one.
    await zhangAgain.page.evaluate(() => {
      (window as unknown as { importMarker: number }).importMarker = 7;
    });

    const box = await openDialog(zhang.page);
    await box.locator('input[type="file"]').setInputFiles(file);
    await box.getByTestId('import-preview').waitFor();
    await expect(box.getByTestId('import-file-read').textContent()).resolves.toContain(
      '个人对照检查材料.txt',
    );
    await expect(box.getByTestId('import-preview-title').textContent()).resolves.toBe(
      '2023年度专题民主生活会个人对照检查材料',
    );
    await expect(box.getByTestId('import-preview-kind').allTextContents()).resolves.toEqual([
      '存在的问题',
      '原因剖析',
      '整改措施',
    ]);
    const problems = box.locator('[data-testid="import-preview-section"][data-kind="problems"]');
    const aspects = problems.getByTestId('import-preview-subsection');
    await expect(aspects.getByTestId('import-preview-aspect').allTextContents()).resolves.toEqual([
      '方面：理论学习',
      '方面：担当作为',
    ]);
    await expect(aspects.getByTestId('import-preview-items').allTextContents()).resolves.toEqual([
      '2 项',
      '2 项',
    ]);
    await expect(
      problems.getByTestId('import-preview-items').first().textContent(),
    ).resolves.toContain('4 项');
    await box.getByTestId('import-warnings-none').waitFor();
    // The text read from the file is there to correct before importing.
    await expect(box.getByTestId('import-text').inputValue()).resolves.toBe(CHECKING_MATERIAL);

    // Nothing is written until the person chooses how and imports.
    await expect(box.getByTestId('import-submit').isDisabled()).resolves.toBe(true);
    await expect(zhang.page.getByTestId('editor').textContent()).resolves.not.toContain(
      '学习不够系统',
    );
    await box.getByText('替换全文', { exact: true }).click();
    await expect(box.getByTestId('import-mode-replace').isChecked()).resolves.toBe(true);
    await expect(box.getByTestId('import-mode').textContent()).resolves.toContain('导入前自动保存');
    const shot = besideScreenshot('import');
    if (shot) await zhang.page.screenshot({ path: shot });
    await box.getByTestId('import-submit').click();

    await box.waitFor({ state: 'detached' });
    await expect(zhang.page.getByTestId('import-notice').textContent()).resolves.toContain(
      '4 条整改措施已提交主持人审定',
    );
    for (const page of [zhang.page, zhangAgain.page]) {
      const editor = page.getByTestId('editor');
      await editor.locator('h2').filter({ hasText: '一、存在的主要问题' }).waitFor();
      await editor.locator('h3').filter({ hasText: '（一）在理论学习方面' }).waitFor();
      await waitForEditorText(page, '二是对**局交办的事项建立台账，逐项销号。');
    }
    await expect(
      zhangAgain.page.evaluate(() => (window as unknown as { importMarker?: number }).importMarker),
    ).resolves.toBe(7);

    // What survives is the imported outline, headings at their levels, replacing the template.
    const blocks = await storedBlocks();
    expect(blocks.slice(0, 5)).toEqual([
      'h1:2023年度专题民主生活会个人对照检查材料',
      'p:按照上级党委关于召开主题教育专题民主生活会的通知要求，本人认真学习，深入查摆问题，现将有关情况报告如下。',
      'h2:一、存在的主要问题',
      'h3:（一）在理论学习方面',
      'p:一是学习不够系统，满足于读原文、记笔记。',
    ]);
    expect(blocks).toContain('h2:三、今后的努力方向和整改措施');

    // The version saved first, and the host's proposals to accept or drop.
    const versions = await api<{ versions: { label: string }[] }>(
      server,
      'GET',
      `/api/versions?document=${encodeURIComponent(ownMaterial)}`,
      { token: setup.people['member']!.token },
    );
    expect(versions.body.versions.map((v) => v.label)).toContain('导入前自动保存');
    const proposals = await api<{ proposals: { document: string; text: string }[] }>(
      server,
      'GET',
      `/api/meetings/${setup.meeting.id}/rectification-proposals`,
      { token: setup.people['secretary']!.token },
    );
    expect(proposals.body.proposals.map((p) => p.document)).toEqual(Array(4).fill(ownMaterial));
    expect(proposals.body.proposals.map((p) => p.text)).toContain('对标先进找差距。');
  });

  it('shows the line of a numbering error in pasted text, and writes nothing on cancel', async () => {
    const before = await documentUpdates();
    const box = await openDialog(zhang.page);
    await box.getByTestId('import-text').fill(MISNUMBERED);
    await box.getByTestId('import-preview-submit').click();
    const warning = box.getByTestId('import-warning');
    await warning.waitFor();
    await expect(warning.getAttribute('data-line')).resolves.toBe('4');
    await expect(warning.getAttribute('data-code')).resolves.toBe('skipped-ordinal');
    await expect(warning.textContent()).resolves.toMatch(/^第 4 行.*缺少“（二）”/);

    // A change to the text makes the preview stale: it must be seen again before importing.
    await box.getByText('追加到末尾', { exact: true }).click();
    await expect(box.getByTestId('import-submit').isDisabled()).resolves.toBe(false);
    await box.getByTestId('import-text').fill(`${MISNUMBERED}\n二是作风不够扎实。`);
    await box.getByTestId('import-preview-stale').waitFor();
    await expect(box.getByTestId('import-submit').isDisabled()).resolves.toBe(true);

    await closeDialog(zhang.page);
    await expect(documentUpdates()).resolves.toBe(before);
    await expect(zhang.page.getByTestId('editor').textContent()).resolves.not.toContain('纪律作风');
  });

  it('shows the server’s refusal of a hostile file and writes nothing', async () => {
    const before = await documentUpdates();
    const box = await openDialog(zhang.page);
    // Random-looking binary bytes under a Word name: no zip, no document.
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    await box.locator('input[type="file"]').setInputFiles({
      name: '对照检查材料.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: bytes,
    });
    const error = box.getByTestId('import-file-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('对照检查材料.docx');
    await expect(error.textContent()).resolves.toContain('文件不是有效的 Word 文档');
    expect(await box.getByTestId('import-preview').count()).toBe(0);
    await expect(box.getByTestId('import-submit').isDisabled()).resolves.toBe(true);

    // A file over the limit is refused before a byte of it is sent.
    const sent: string[] = [];
    const listen = (request: Request) => sent.push(request.url());
    zhang.page.on('request', listen);
    await box.locator('input[type="file"]').setInputFiles({
      name: '带图片的材料.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    await error
      .filter({ hasText: '带图片的材料.docx' })
      .filter({ hasText: '超过 10 MB' })
      .waitFor();
    zhang.page.off('request', listen);
    expect(sent.filter((url) => url.includes('/import/extract'))).toEqual([]);

    await closeDialog(zhang.page);
    await expect(documentUpdates()).resolves.toBe(before);
  });

  it('offers 导入材料 only where the caller may write a checking material', async () => {
    // 王书记 reads 张三's material: no import, and the page says it is read-only.
    await wang.page.getByTestId('read-only-marker').waitFor();
    await wang.page.getByTestId('editor').waitFor();
    expect(await wang.page.getByTestId('import-open').count()).toBe(0);
    // The collective material he may write has it; its dialog is fetched only when opened,
    // and a fetch that fails (offline here) leaves the page working and can be tried again.
    const fetched: string[] = [];
    wang.page.on('request', (request) => fetched.push(request.url()));
    const dialogCode = /\/assets\/ImportDialog-[^/]*\.js$/;
    await wang.page.goto(`${server.url}/meetings/${setup.meeting.id}/docs/collective`);
    await wang.page.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
    expect(fetched.filter((url) => dialogCode.test(url))).toEqual([]);
    await wang.context.setOffline(true);
    await wang.page.getByTestId('import-open').click();
    await expect(wang.page.getByTestId('import-notice').textContent()).resolves.toContain(
      '无法打开导入窗口',
    );
    await expect(wang.page.getByTestId('editor').isVisible()).resolves.toBe(true);
    await wang.context.setOffline(false);
    await openDialog(wang.page);
    await closeDialog(wang.page);
    // The minutes, which he may write too, take no import.
    await wang.page.goto(`${server.url}/meetings/${setup.meeting.id}/docs/minutes`);
    await wang.page.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
    expect(await wang.page.getByTestId('import-open').count()).toBe(0);
  });

  itStayedOnItsOrigin(record, () => server.url);
});
