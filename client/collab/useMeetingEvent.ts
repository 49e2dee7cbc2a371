import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MeetingEventName, MeetingListener } from './MeetingListeners.js';
import type { MeetingChannel } from './useMeetingChannel.js';

/**
 * Calls the latest `listener` with each `event` of the page's meeting channel (none while
 * `channel` is null). The listener may change on every render without resubscribing.
 */
export function useMeetingEvent<E extends MeetingEventName>(
  channel: Pick<MeetingChannel, 'on'> | null,
  event: E,
  listener: MeetingListener<E>,
): void {
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  const on = channel?.on;
  useEffect(() => on?.(event, (message) => latest.current(message)), [on, event]);
}
