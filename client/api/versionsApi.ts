import type { JSONContent } from '@tiptap/core';
import type { DocumentVersionView } from '../../shared/documents/versionSchemas.js';
import { requestJson } from './requestJson.js';

type VersionAnswer = { version: DocumentVersionView };

/** A saved version with the document as it was then, as the editor's JSON (a `doc` node). */
export interface VersionWithContent {
  version: DocumentVersionView;
  content: JSONContent;
}

/** The document's named versions, newest first (anyone who may read the document). */
export async function listVersions(
  document: string,
  signal?: AbortSignal,
): Promise<DocumentVersionView[]> {
  const { versions } = await requestJson<{ versions: DocumentVersionView[] }>(
    `/api/versions?document=${encodeURIComponent(document)}`,
    { signal },
  );
  return versions;
}

/** Host: saves the document as it is now under `label`. */
export async function saveVersion(document: string, label: string): Promise<DocumentVersionView> {
  const { version } = await requestJson<VersionAnswer>('/api/versions', {
    method: 'POST',
    body: { document, label },
  });
  return version;
}

export function fetchVersion(id: number, signal?: AbortSignal): Promise<VersionWithContent> {
  return requestJson<VersionWithContent>(`/api/versions/${id}`, { signal });
}

/**
 * Host: brings the version's content back into the live document, as a new change everyone
 * sees; resolves with the version the server saved first (恢复前自动保存).
 */
export async function restoreVersion(id: number): Promise<DocumentVersionView> {
  const { version } = await requestJson<VersionAnswer>(`/api/versions/${id}/restore`, {
    method: 'POST',
  });
  return version;
}
