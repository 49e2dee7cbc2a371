import type { ServerAddress } from './apiClient.js';

/**
 * `POST /api/meetings/:id/import/extract` as the client sends it: the file's bytes as the
 * body, its name percent-encoded in `X-File-Name`.
 */
export async function uploadForImport(
  server: ServerAddress,
  token: string,
  meetingId: number,
  fileName: string | null,
  bytes: Uint8Array,
): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string } } }> {
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/import/extract`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      ...(fileName === null ? {} : { 'x-file-name': encodeURIComponent(fileName) }),
    },
    // A copy on an ArrayBuffer of its own, which is what fetch takes.
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
