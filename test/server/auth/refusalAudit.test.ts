import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AuditLimits } from '../../../shared/audit/auditLimits.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { api } from '../../helpers/apiClient.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

/** Opens a sync socket and resolves with its close code. */
function closeCode(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', () => undefined);
    ws.on('close', (code) => resolve(code));
  });
}

interface AuditRow {
  action: string;
  subject: string | null;
  ip: string | null;
  detail: string;
}

describe('refusals of callers without a session', () => {
  let server: TestServer;
  // The server's clock: a test moves it past the minute instead of waiting for it.
  let t = Date.UTC(2026, 11, 7, 10, 0, 5);
  beforeAll(async () => {
    server = await startTestServer({}, { now: () => t });
  });
  afterAll(() => server.close());

  const refused = (): Promise<AuditRow[]> =>
    storedRows<AuditRow>(
      server,
      "SELECT action, subject, ip, detail FROM audit_log WHERE action = 'sync.refused' ORDER BY id",
    );

  it('are written as one row per address and minute, with a count, and a cut subject', async () => {
    const longName = `m/1/${'a'.repeat(190)}`;
    const codes: number[] = [await closeCode(`${server.syncUrl}/${longName}`)];
    for (let i = 1; i < 1000; i += 50) {
      const batch = Array.from({ length: Math.min(50, 1000 - i) }, (_, k) => {
        const n = i + k;
        const url = `${server.syncUrl}/m/${n}/collective`;
        if (n % 3 === 0) return closeCode(`${url}?token=forged-${n}`);
        if (n % 3 === 1)
          return closeCode(url, { cookie: 'shh_session=forged', origin: server.url });
        return closeCode(url);
      });
      codes.push(...(await Promise.all(batch)));
    }
    expect(codes).toHaveLength(1000);
    expect(new Set(codes)).toEqual(new Set([CloseCode.unauthenticated]));
    // Within the minute nothing is written yet: the count is kept in memory.
    expect(await refused()).toEqual([]);

    t += AuditLimits.refusalWindowMs;
    expect(await closeCode(`${server.syncUrl}/m/1/collective`)).toBe(CloseCode.unauthenticated);
    await waitFor(async () => (await refused()).length === 1, 'the minute to be written');
    const [row] = await refused();
    expect(row!.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.parse(row!.detail)).toMatchObject({ count: 1000, code: CloseCode.unauthenticated });
    expect(Array.from(row!.subject!)).toHaveLength(AuditLimits.subjectMaxChars);
    expect(row!.subject!.endsWith('…')).toBe(true);
    expect(longName.startsWith(row!.subject!.slice(0, -1))).toBe(true);
  });

  it('keep control and format characters out of audited subjects', async () => {
    const username = '\u202Eadmin\r\nlogin.success,1,admin\u0007';
    const res = await api(server, 'POST', '/api/auth/login', {
      body: { username, password: 'whatever-1A' },
    });
    expect(res.status).toBe(401);
    const rows = await storedRows<{ subject: string }>(
      server,
      "SELECT subject FROM audit_log WHERE action = 'login.failure'",
    );
    expect(rows.map((r) => r.subject)).toEqual(['adminlogin.success,1,admin']);
  });
});
