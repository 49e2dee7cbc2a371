import { useCallback, useEffect, useState } from 'react';
import type {
  RectificationProposalView,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { fetchMeetingRectifications, fetchProposals } from '../../api/rectificationApi.js';
import type { MeetingChannel } from '../../collab/useMeetingChannel.js';

/** What the list needs of the page's meeting channel; null when the meeting is not held now. */
export type RectificationFeed = Pick<MeetingChannel, 'on' | 'phase'>;

export interface MeetingRectifications {
  items: RectificationView[] | null;
  /** The pending proposals; empty unless asked for. */
  proposals: RectificationProposalView[];
  error: unknown;
  reload(): void;
  /** Puts an item the page itself just created or changed in place. */
  put(item: RectificationView): void;
  /** Takes a decided proposal off the list. */
  settle(proposal: RectificationProposalView): void;
}

/** Newer replaces older by id; the list stays in 序号 order. */
function merged(items: readonly RectificationView[], item: RectificationView): RectificationView[] {
  const old = items.find((i) => i.id === item.id);
  if (old && old.updatedAt > item.updatedAt) return [...items];
  // The meeting channel's events leave the linked text out (not everyone watching may read
  // the document): keep the one read over HTTP.
  const known = old?.anchor?.current;
  const next =
    item.anchor && item.anchor.current === null && known && old.anchor?.quote === item.anchor.quote
      ? { ...item, anchor: { ...item.anchor, current: known } }
      : item;
  return [...items.filter((i) => i.id !== item.id), next].sort((a, b) => a.seq - b.seq);
}

/**
 * The meeting's items (and, with `withProposals`, its pending proposals): loaded over HTTP and
 * kept current by the `rectification` events of the meeting channel; loaded again whenever
 * the channel (re)joins, since nothing announced while it was away is replayed.
 */
export function useMeetingRectifications(
  meetingId: number,
  feed: RectificationFeed | null,
  withProposals = false,
): MeetingRectifications {
  const [items, setItems] = useState<RectificationView[] | null>(null);
  const [proposals, setProposals] = useState<RectificationProposalView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([
      fetchMeetingRectifications(meetingId, abort.signal),
      withProposals ? fetchProposals(meetingId, abort.signal) : Promise.resolve([]),
    ]).then(
      ([loaded, pending]) => {
        if (abort.signal.aborted) return;
        // Events that arrived during the load are newer than it or equal: keep them.
        setItems((now) => (now ?? []).reduce(merged, loaded));
        setProposals(pending);
        setError(null);
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, [meetingId, withProposals, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const put = useCallback((item: RectificationView) => {
    setItems((now) => merged(now ?? [], item));
  }, []);
  const settle = useCallback((proposal: RectificationProposalView) => {
    setProposals((now) => now.filter((p) => p.id !== proposal.id));
  }, []);

  const on = feed?.on;
  useEffect(
    () => on?.(MeetingEvent.rectification, ({ rectification }) => put(rectification)),
    [on, put],
  );
  useEffect(() => {
    if (!withProposals || !on) return;
    return on(MeetingEvent.rectificationProposal, ({ proposal }) => {
      setProposals((now) =>
        proposal.status === 'pending'
          ? [...now.filter((p) => p.id !== proposal.id), proposal]
          : now.filter((p) => p.id !== proposal.id),
      );
    });
  }, [withProposals, on]);

  const phase = feed?.phase;
  useEffect(() => {
    if (phase === 'connected') reload();
  }, [phase, reload]);

  return { items, proposals, error, reload, put, settle };
}
