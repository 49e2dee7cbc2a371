import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../shared/appraisal/appraisalSchemas.js';
import { NEW_ADMIN_PASSWORD, adminToken } from '../helpers/apiClient.js';
import {
  besideScreenshot,
  newPageRecord,
  newPerson as openPerson,
  signIn,
  WAIT_MS,
  type BrowserPerson,
} from '../helpers/browserPeople.js';
import { launchChromium } from '../helpers/launchChromium.js';
import {
  createMeetingFixture,
  FIXTURE_PASSWORD,
  setMeetingStatus,
  STANDARD_CAST,
  type MeetingFixture,
} from '../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';

// SCREENSHOT_PATH=appraisal.png keeps the ballot, the host's panel, a voter's result and the
// projector beside it.

// The standard cast's secretary (host and participant), recorder, member and deputy (all
// participants). The three who sign in vote on their pages, the secretary on paper; all four
// are appraised, so one 优秀 per ballot.
const cast = STANDARD_CAST.slice(0, 4);
const voterKeys = ['member', 'recorder', 'deputy'] as const;
type Key = 'secretary' | 'recorder' | 'member' | 'deputy';

/** Each voter's ballot, by the appraised member's key. */
const ballots: Record<(typeof voterKeys)[number], Record<Key, Grade>> = {
  member: {
    secretary: 'excellent',
    recorder: 'qualified',
    member: 'qualified',
    deputy: 'qualified',
  },
  recorder: {
    secretary: 'excellent',
    recorder: 'qualified',
    member: 'basically-qualified',
    deputy: 'basically-qualified',
  },
  deputy: {
    secretary: 'qualified',
    recorder: 'excellent',
    member: 'basically-qualified',
    deputy: 'qualified',
  },
};
/** The secretary's paper slip, entered by the host. */
const paperSlip: Record<Key, Grade> = {
  secretary: 'qualified',
  recorder: 'qualified',
  member: 'basically-qualified',
  deputy: 'qualified',
};
/** Per member: 优秀, 合格, 基本合格, 不合格 and the grade shown. */
const expected: Record<Key, { counts: string[]; grade: string }> = {
  secretary: { counts: ['2', '2', '0', '0'], grade: '并列：优秀 / 合格，由支部决定' },
  recorder: { counts: ['1', '3', '0', '0'], grade: '合格' },
  member: { counts: ['0', '1', '3', '0'], grade: '基本合格' },
  deputy: { counts: ['0', '3', '1', '0'], grade: '合格' },
};

/** Waits for `read` to give the expected value, as long as the pages wait for anything. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: WAIT_MS });

/** The rows of a result table as text (who, the four counts, the grade), by user id. */
async function resultRows(scope: Locator) {
  const rows = await scope.getByTestId('result-row').evaluateAll((rows) =>
    rows.map((row) => ({
      subjectId: Number(row.getAttribute('data-subject-id')),
      counts: [...row.querySelectorAll('[data-testid^="result-count-"]')].map(
        (cell) => cell.textContent,
      ),
      grade: row.querySelector('[data-testid="result-grade"]')?.textContent,
    })),
  );
  return rows.sort((a, b) => a.subjectId - b.subjectId);
}

describe('民主评议党员: the secret ballot on the voters’ pages, the host’s panel and the projector', () => {
  let server: TestServer;
  let browser: Browser;
  let fixture: MeetingFixture;
  let meetingUrl: string;
  let host: BrowserPerson;
  let projector: BrowserPerson;
  const voters: Partial<Record<(typeof voterKeys)[number], BrowserPerson>> = {};
  // The ballots each voter's browser sent (PUT …/appraisal/ballot).
  const ballotRequests: Record<string, number> = {};
  const record = newPageRecord();

  const id = (key: string) => fixture.people[key]!.id;
  const voter = (key: (typeof voterKeys)[number]) => voters[key]!.page;
  const panel = () => host.page.getByTestId('appraisal-panel');

  /** Opens the meeting as the fixture's person `key`, signed in. */
  async function newPerson(label: string, key: string, width = 1366, height = 768) {
    const person = await openPerson(browser, record, label, { width, height });
    ballotRequests[label] = 0;
    person.context.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/appraisal/ballot')) {
        ballotRequests[label] = (ballotRequests[label] ?? 0) + 1;
      }
    });
    await person.page.goto(meetingUrl);
    await signIn(person.page, fixture.people[key]!.username, FIXTURE_PASSWORD);
    await person.page.getByTestId('meeting-title').waitFor();
    return person;
  }

  /** Chooses a grade for every member on the open ballot. */
  async function fillBallot(page: Page, grades: Record<Key, Grade>) {
    const form = page.getByTestId('ballot-form');
    for (const [key, grade] of Object.entries(grades)) {
      const row = form.locator(`[data-testid="ballot-row"][data-subject-id="${id(key)}"]`);
      await row.getByTestId(`ballot-${grade}`).check();
    }
  }

  /** Casts `grades` from the voter's bar, then closes the dialog. */
  async function vote(key: (typeof voterKeys)[number], grades: Record<Key, Grade>) {
    const page = voter(key);
    await page.getByTestId('meeting-bar').getByTestId('vote-open').click();
    await fillBallot(page, grades);
    await page.getByTestId('ballot-submit').click();
    await page.getByTestId('ballot-cast').waitFor();
    await page.getByTestId('ballot-close').click();
    await page.getByTestId('meeting-bar').getByTestId('vote-voted').waitFor();
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'appr',
      cast,
      title: '2023年主题教育专题组织生活会',
      statuses: ['open'],
    });
    fixture.meeting = await setMeetingStatus(server, fixture, 'in-progress');
    meetingUrl = `${server.url}/meetings/${fixture.meeting.id}`;
    browser = await launchChromium();
    host = await newPerson('host', 'secretary');
    for (const key of voterKeys) voters[key] = await newPerson(key, key);
    projector = await newPerson('projector', 'secretary', 1920, 1080);
  });

  afterAll(async () => {
    for (const person of [host, projector, ...Object.values(voters)]) {
      await person?.context.close();
    }
    await browser?.close();
    await server?.close();
  });

  it('offers the participants present as voters and every participant as appraised', async () => {
    await host.page.getByTestId('open-moderation').click();
    await panel().getByTestId('appraisal-open-form').waitFor();
    expect(await panel().getByTestId('appraisal-status').getAttribute('data-status')).toBe('none');
    // Nobody has signed in yet: no voter by default, and the vote cannot open.
    const votersList = panel().getByTestId('appraisal-voters');
    expect(await votersList.getAttribute('data-count')).toBe('0');
    expect(await panel().getByTestId('appraisal-open').isDisabled()).toBe(true);

    for (const key of voterKeys) {
      await voter(key).getByTestId('bar-sign-in').click();
      await voter(key).getByTestId('bar-signed-in').waitFor();
    }
    await poll(() => votersList.getAttribute('data-count')).toBe('3');
    if (besideScreenshot('open')) {
      await panel().scrollIntoViewIfNeeded();
      await host.page.screenshot({ path: besideScreenshot('open')! });
    }
    const checked = await votersList
      .locator('[data-testid="member-check"]:checked')
      .evaluateAll((boxes) => boxes.map((box) => Number(box.getAttribute('data-user-id'))));
    expect(checked.sort()).toEqual(voterKeys.map(id).sort());
    expect(await panel().getByTestId('appraisal-subjects').getAttribute('data-count')).toBe('4');
    // The secretary, not signed in, votes too (on paper).
    await votersList
      .locator(`[data-testid="member-check"][data-user-id="${id('secretary')}"]`)
      .check();
    expect(await votersList.getAttribute('data-count')).toBe('4');
  });

  it('opens the vote, and each voter gets 去投票 in the meeting bar', async () => {
    await panel().getByTestId('appraisal-open').click();
    await panel().locator('[data-testid="appraisal-status"][data-status="open"]').waitFor();
    const progress = panel().getByTestId('appraisal-progress');
    expect(await progress.textContent()).toBe('已投 0 / 应投 4');
    // The host is a voter too: their 去投票 is on the panel.
    await panel().getByTestId('vote-open').waitFor();
    for (const key of voterKeys) {
      const button = voter(key).getByTestId('meeting-bar').getByTestId('vote-open');
      await button.waitFor();
      expect(await button.textContent()).toBe('去投票');
    }
    // The projector shows the count while nobody speaks.
    await projector.page.goto(`${meetingUrl}/projector`);
    await poll(() => projector.page.getByTestId('projector-appraisal-progress').textContent()).toBe(
      '已投 0 / 应投 4',
    );
  });

  it('refuses a ballot with too many 优秀 in the page, without sending it', async () => {
    const page = voter('member');
    await page.getByTestId('meeting-bar').getByTestId('vote-open').click();
    const form = page.getByTestId('ballot-form');
    await form.waitFor();
    expect(await form.getByTestId('ballot-row').count()).toBe(4);
    await fillBallot(page, { ...ballots.member, recorder: 'excellent' });
    const count = form.getByTestId('ballot-excellent-count');
    expect(await count.textContent()).toBe('优秀 已选 2 / 最多 1');

    await form.getByTestId('ballot-submit').click();
    const problem = form.getByTestId('ballot-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('优秀不能超过 1 人（参评 4 人的三分之一）');
    expect(ballotRequests.member).toBe(0);
    if (besideScreenshot('ballot')) await page.screenshot({ path: besideScreenshot('ballot')! });

    // One 优秀 is allowed: the same form casts it.
    await fillBallot(page, ballots.member);
    expect(await count.textContent()).toBe('优秀 已选 1 / 最多 1');
    await form.getByTestId('ballot-submit').click();
    const cast = page.getByTestId('ballot-cast');
    await cast.waitFor();
    expect(await cast.textContent()).toContain('已投票，评议结束前可以修改');
    expect(ballotRequests.member).toBe(1);
    await page.getByTestId('ballot-close').click();
    await page.getByTestId('meeting-bar').getByTestId('vote-voted').waitFor();
    await poll(() => panel().getByTestId('appraisal-progress').textContent()).toBe(
      '已投 1 / 应投 4',
    );
  });

  it('counts the other two ballots, and lets a voter change theirs after a reload', async () => {
    await vote('recorder', ballots.recorder);
    await vote('deputy', ballots.deputy);
    await poll(() => panel().getByTestId('appraisal-progress').textContent()).toBe(
      '已投 3 / 应投 4',
    );

    // The key stays in the browser: after a reload, the change replaces the ballot.
    const page = voter('member');
    await page.reload();
    const bar = page.getByTestId('meeting-bar');
    await bar.getByTestId('vote-change').click();
    await page.getByTestId('ballot-form').waitFor();
    await fillBallot(page, ballots.member);
    await page.getByTestId('ballot-submit').click();
    await page.getByTestId('ballot-cast').waitFor();
    expect(await page.getByTestId('ballot-error').count()).toBe(0);
    await page.getByTestId('ballot-close').click();
    expect(ballotRequests.member).toBe(2);
    expect(await panel().getByTestId('appraisal-progress').textContent()).toBe('已投 3 / 应投 4');
  });

  it("takes the secretary's paper slip from the host", async () => {
    const paper = panel().getByTestId('paper-ballots');
    await paper.locator('summary').click();
    await paper.getByTestId('paper-slips').fill('1');
    for (const [key, grade] of Object.entries(paperSlip)) {
      const row = paper.locator(`[data-testid="paper-row"][data-subject-id="${id(key)}"]`);
      await row.getByTestId(`paper-${grade}`).fill('1');
    }
    await paper.getByTestId('paper-save').click();
    await poll(() => paper.getByTestId('paper-message').textContent()).toBe('纸质票已保存。');
    expect(await panel().textContent()).toContain('纸质票 1 张');
    if (besideScreenshot('host')) {
      await panel().scrollIntoViewIfNeeded();
      await host.page.screenshot({ path: besideScreenshot('host')! });
    }
  });

  it('closes the vote, and the host, every voter and the projector see the same result', async () => {
    await panel().getByTestId('appraisal-close').click();
    await panel().locator('[data-testid="appraisal-status"][data-status="closed"]').waitFor();
    const hostRows = await resultRows(panel());
    expect(hostRows).toEqual(
      (Object.keys(expected) as Key[])
        .map((key) => ({ subjectId: id(key), ...expected[key] }))
        .sort((a, b) => a.subjectId - b.subjectId),
    );
    expect(await panel().getByTestId('result-paper').textContent()).toContain('含纸质票 1 张');
    expect(await panel().getByTestId('result-totals').getAttribute('data-ballots')).toBe('4');

    for (const key of voterKeys) {
      const page = voter(key);
      const bar = page.getByTestId('meeting-bar');
      await bar.getByTestId('appraisal-show-result').click();
      const dialog = page.getByTestId('appraisal-result-dialog');
      await dialog.waitFor();
      expect(await resultRows(dialog), key).toEqual(hostRows);
      expect(await dialog.getByTestId('result-paper').textContent()).toContain('含纸质票 1 张');
      // The vote is over: no 去投票 or 修改 any more.
      expect(await bar.getByTestId('vote-entry').count()).toBe(0);
      if (key === 'member' && besideScreenshot('result')) {
        await page.screenshot({ path: besideScreenshot('result')! });
      }
    }

    const screen = projector.page.getByTestId('projector-appraisal');
    await screen.locator('[data-testid="result-row"]').first().waitFor();
    expect(await resultRows(screen)).toEqual(hostRows);
    if (besideScreenshot('projector')) {
      await projector.page.screenshot({ path: besideScreenshot('projector')! });
    }
  });

  it('keeps the result on the page of the meeting once it has ended', async () => {
    const hostRows = await resultRows(panel());
    fixture.meeting = await setMeetingStatus(server, fixture, 'closed');
    const page = voter('deputy');
    await page.getByTestId('meeting-closed-banner').waitFor();
    const record = page.getByTestId('appraisal-record');
    await record.waitFor();
    expect(await resultRows(record)).toEqual(hostRows);
  });

  it('raised no page error', () => {
    expect(record.pageErrors).toEqual([]);
  });
});
