import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/** The rooms a run uses on our server, and what every connection must carry to join them. */
export interface OursRooms {
  documentNames: string[];
  /** Query parameters of every sync URL (`token` once the server authenticates). */
  params: Record<string, string>;
  how: string;
}

export const BENCH_ADMIN = { username: 'bench-admin', password: `bench-${randomBytes(12).toString('hex')}` };

const PROBE_TIMEOUT_MS = 5000;
/** Close codes that mean "this document needs an account and a meeting". */
const NEEDS_ACCOUNT = new Set([4401, 4403, 4404]);

/**
 * Finds rooms for the run. While the sync channel admits anonymous connections (no auth hook
 * yet) any valid name works. Once it refuses them, the rooms become documents of meetings that
 * the admin (created from ADMIN_USERNAME/ADMIN_PASSWORD) hosts, via the REST API of DESIGN §6.
 */
export class OursRoomSetup {
  constructor(private readonly baseUrl: string) {}

  async prepare(rooms: number): Promise<OursRooms> {
    const probe = await this.probe('bench/probe');
    if (probe === 'ok') {
      return {
        documentNames: Array.from({ length: rooms }, (_, i) => `bench/r${i}`),
        params: {},
        how: 'anonymous (the sync channel did not ask for a token)',
      };
    }
    if (!NEEDS_ACCOUNT.has(probe)) throw new Error(`probe connection closed with ${probe}`);
    return this.prepareMeetings(rooms);
  }

  private async prepareMeetings(rooms: number): Promise<OursRooms> {
    const login = await this.call<{ user: { id: string }; token: string }>('POST', '/api/auth/login', BENCH_ADMIN);
    const auth = login.token;
    const me = login.user.id;
    const { branch } = await this.call<{ branch: { id: string } }>('POST', '/api/branches', { name: 'bench' }, auth);
    // May be refused when an admin needs no membership; the meeting call below tells.
    await this.call('POST', `/api/branches/${branch.id}/members`, { userId: me, role: 'secretary' }, auth).catch(() => {});
    const names: string[] = [];
    // Each meeting gives the host several writable documents; at most `rooms` meetings.
    for (let m = 0; m < rooms && names.length < rooms; m++) {
      const { meeting } = await this.call<{ meeting: { id: string } }>(
        'POST',
        '/api/meetings',
        { branchId: branch.id, kind: 'democratic-life', title: `bench ${m}` },
        auth,
      );
      await this.call('PUT', `/api/meetings/${meeting.id}/participants`, [{ userId: me, role: 'host' }], auth);
      const detail = await this.call<{ meeting?: { documents: Docs }; documents?: Docs }>(
        'GET',
        `/api/meetings/${meeting.id}`,
        undefined,
        auth,
      );
      const docs = detail.documents ?? detail.meeting?.documents ?? [];
      for (const d of docs) if (d.canWrite && names.length < rooms) names.push(d.name);
      if (docs.length === 0) throw new Error(`meeting ${meeting.id} lists no documents`);
    }
    const params = { token: auth };
    const check = await this.probe(names[0] ?? '', params);
    if (check !== 'ok') throw new Error(`a meeting document refused the admin's token: close ${check}`);
    return { documentNames: names, params, how: `authenticated with a token, documents of meetings the admin hosts` };
  }

  /** Opens one sync socket and waits for sync step 2 ('ok') or the close code. */
  private probe(documentName: string, params: Record<string, string> = {}): Promise<'ok' | number> {
    const query = new URLSearchParams(params).toString();
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/yjs/${documentName}${query ? `?${query}` : ''}`;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`no answer from ${url} within ${PROBE_TIMEOUT_MS} ms`));
      }, PROBE_TIMEOUT_MS);
      ws.on('open', () => ws.send(Uint8Array.from([0, 0, 1, 0])));
      ws.on('message', (data: Buffer) => {
        if (data[0] === 0 && data[1] === 1) {
          clearTimeout(timer);
          ws.close(1000);
          resolve('ok');
        }
      });
      ws.on('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        resolve(res.statusCode === 401 ? 4401 : res.statusCode === 403 ? 4403 : (res.statusCode ?? 0));
      });
      ws.on('error', () => {});
      ws.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  private async call<T = unknown>(method: string, route: string, body: unknown, token?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`);
    return (text.length > 0 ? JSON.parse(text) : {}) as T;
  }
}

type Docs = Array<{ name: string; canWrite: boolean }>;
