import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppraisalCallerView } from '../../../shared/appraisal/appraisalSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { fetchAppraisal } from '../../api/appraisalApi.js';
import type { MeetingChannel } from '../../collab/useMeetingChannel.js';
import { sameStage, withAnnounced, withOwnAnswer } from './appraisalViews.js';

/** What useAppraisal needs of the page's meeting channel (useMeetingChannel). */
export type AppraisalFeed = Pick<MeetingChannel, 'on' | 'phase'>;

export interface AppraisalRound {
  /** The round as the caller sees it; null until loaded. */
  appraisal: AppraisalCallerView | null;
  /** Why the latest load failed, else null. */
  error: unknown;
  reload(): void;
  /** Puts the answer to the caller's own request (open, ballot, paper, close, discard) in place. */
  accept(answer: AppraisalCallerView): void;
}

/**
 * The meeting's 民主评议党员 round: loaded over HTTP, then kept current by the server's
 * announcements on the page's meeting channel. Announcements carry no per-caller fields, so
 * youMayVote and youHaveVoted come from this caller's own answers: the round is loaded again
 * whenever it moves to another stage, and whenever the channel (re)joins the meeting, since
 * nothing announced while it was away is replayed. Does nothing unless `enabled`.
 */
export function useAppraisal(
  meetingId: number,
  feed: AppraisalFeed | null,
  enabled = true,
): AppraisalRound {
  const [appraisal, setAppraisal] = useState<AppraisalCallerView | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Read by the handlers, which must not wait for a render.
  const current = useRef<AppraisalCallerView | null>(null);
  // The latest load or own answer wins; earlier loads still on their way are dropped.
  const latestRequest = useRef(0);
  const announcements = useRef(0);
  const pending = useRef<AbortController | null>(null);

  const put = useCallback((next: AppraisalCallerView) => {
    current.current = next;
    setAppraisal(next);
  }, []);

  const load = useCallback(() => {
    pending.current?.abort();
    const abort = new AbortController();
    pending.current = abort;
    const request = ++latestRequest.current;
    const announcedBefore = announcements.current;
    const settled = () => !abort.signal.aborted && request === latestRequest.current;
    fetchAppraisal(meetingId, abort.signal).then(
      (answer) => {
        if (!settled()) return;
        setError(null);
        const now = current.current;
        if (announcements.current === announcedBefore || !now) put(answer);
        // Announced meanwhile: that view may be newer; take only the caller's own fields.
        else if (sameStage(now, answer)) {
          put({ ...now, youMayVote: answer.youMayVote, youHaveVoted: answer.youHaveVoted });
        } else load();
      },
      (failure: unknown) => {
        if (settled()) setError(failure);
      },
    );
  }, [meetingId, put]);

  const accept = useCallback(
    (answer: AppraisalCallerView) => {
      pending.current?.abort();
      latestRequest.current += 1;
      setError(null);
      put(withOwnAnswer(current.current, answer));
    },
    [put],
  );

  useEffect(() => {
    current.current = null;
    setAppraisal(null);
    if (!enabled) return;
    load();
    return () => pending.current?.abort();
  }, [enabled, load]);

  const on = feed?.on;
  useEffect(() => {
    if (!enabled || !on) return;
    return on(MeetingEvent.appraisal, ({ appraisal: announced }) => {
      announcements.current += 1;
      const now = current.current;
      if (!now) {
        load();
        return;
      }
      put(withAnnounced(now, announced));
      // Opened, closed or discarded: whether the caller may vote, or has, is theirs to ask.
      if (!sameStage(now, announced)) load();
    });
  }, [enabled, on, load, put]);

  // Joined (again): whatever changed while the channel was away was not announced to us.
  const phase = feed?.phase;
  useEffect(() => {
    if (enabled && phase === 'connected') load();
  }, [enabled, phase, load]);

  return { appraisal, error, reload: load, accept };
}
