import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView } from '../../../shared/audit/auditSchemas.js';
import { fetchAuditPage, type AuditFilter } from '../../api/auditApi.js';

export interface AuditLogState {
  entries: AuditEntryView[];
  /** Where the next page starts; null once the last page is in. */
  nextBefore: number | null;
  loading: boolean;
  error: unknown;
  loadMore(): void;
  retry(): void;
}

/** The entries matching `filter`, newest first, a page at a time; a new filter starts over. */
export function useAuditLog(filter: AuditFilter): AuditLogState {
  // The filter as a string: a fresh object with the same fields must not reload.
  const query = JSON.stringify(filter);
  const [cursor, setCursor] = useState<{ query: string; before: number | null }>({
    query,
    before: null,
  });
  const before = cursor.query === query ? cursor.before : null;
  const [generation, setGeneration] = useState(0);
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    fetchAuditPage(JSON.parse(query) as AuditFilter, before, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        // The first page replaces what an earlier filter showed; later pages append.
        setEntries((shown) => (before === null ? page.entries : [...shown, ...page.entries]));
        setNextBefore(page.nextBefore);
        setLoading(false);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [query, before, generation]);

  const loadMore = useCallback(() => {
    if (nextBefore !== null) setCursor({ query, before: nextBefore });
  }, [query, nextBefore]);
  const retry = useCallback(() => setGeneration((n) => n + 1), []);

  return { entries, nextBefore, loading, error, loadMore, retry };
}
