import { useState } from 'react';
import { MeetingEvent, type PresenceMessage } from '../../../shared/moderation/meetingEvents.js';
import { useMeetingEvent } from '../../collab/useMeetingEvent.js';
import type { MeetingChannel } from '../../collab/useMeetingChannel.js';

const noPresence: PresenceMessage['documents'] = {};

/**
 * Who has which of the meeting's documents open (user ids by document name), as the server
 * last said on the page's meeting channel; empty until it says. Call it where the channel is
 * opened: the server says it once on joining, then at every change.
 */
export function useMeetingPresence(
  channel: Pick<MeetingChannel, 'on'>,
  meetingId: number,
): PresenceMessage['documents'] {
  const [presence, setPresence] = useState<PresenceMessage | null>(null);
  useMeetingEvent(channel, MeetingEvent.presence, setPresence);
  return presence?.meetingId === meetingId ? presence.documents : noPresence;
}
