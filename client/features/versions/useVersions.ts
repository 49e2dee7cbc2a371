import { useCallback } from 'react';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { useResource } from '../../api/useResource.js';
import { listVersions, restoreVersion, saveVersion } from '../../api/versionsApi.js';

export interface Versions {
  /** Newest first; null until the first answer. */
  versions: DocumentVersionView[] | null;
  error: unknown;
  loading: boolean;
  /** Asks again (刷新): versions saved by others or by the server are not pushed. */
  reload(): void;
  /** Saves the document under `label`, then reloads the list. */
  save(label: string): Promise<DocumentVersionView>;
  /** Restores the version, then reloads the list; resolves with 恢复前自动保存. */
  restore(id: number): Promise<DocumentVersionView>;
}

/** The named versions of one document, loaded on mount and after every save or restore. */
export function useVersions(document: string): Versions {
  const resource = useResource(`versions:${document}`, (signal) => listVersions(document, signal));
  const { reload } = resource;

  const save = useCallback(
    async (label: string) => {
      const version = await saveVersion(document, label);
      reload();
      return version;
    },
    [document, reload],
  );

  const restore = useCallback(
    async (id: number) => {
      const saved = await restoreVersion(id);
      reload();
      return saved;
    },
    [reload],
  );

  return {
    versions: resource.data,
    error: resource.error,
    loading: resource.loading,
    reload,
    save,
    restore,
  };
}
