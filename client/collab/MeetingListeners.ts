import type { MeetingServerToClient } from '../../shared/moderation/meetingEvents.js';

/** The events the server sends on the `/meeting` namespace, by name. */
export type MeetingEventName = keyof MeetingServerToClient;

/** What event `E` carries (every one names its meeting). */
export type MeetingMessage<E extends MeetingEventName> = Parameters<MeetingServerToClient[E]>[0];

export type MeetingListener<E extends MeetingEventName> = (message: MeetingMessage<E>) => void;

/**
 * Who hears which meeting event. Features subscribe to the events they need; the page's
 * channel (MeetingChannel) emits what the server sends. The registry outlives the channel's
 * sockets, so a subscription made before a socket opens, or kept across a reconnect, holds.
 */
export class MeetingListeners {
  private readonly byEvent = new Map<MeetingEventName, Set<MeetingListener<never>>>();

  /** Calls `listener` with every `event` from now on; returns the unsubscribe function. */
  readonly on = <E extends MeetingEventName>(
    event: E,
    listener: MeetingListener<E>,
  ): (() => void) => {
    let listeners = this.byEvent.get(event);
    if (!listeners) {
      listeners = new Set();
      this.byEvent.set(event, listeners);
    }
    const held = listeners;
    // Stored under its own event only, so it is only ever called with that event's message.
    const stored = listener as MeetingListener<never>;
    held.add(stored);
    return () => {
      held.delete(stored);
    };
  };

  emit<E extends MeetingEventName>(event: E, message: MeetingMessage<E>): void {
    const listeners = this.byEvent.get(event);
    if (!listeners) return;
    // A copy: a listener may unsubscribe (itself or another) while being called.
    for (const listener of [...listeners]) (listener as MeetingListener<E>)(message);
  }
}
