import { fetchMeeting } from '../../api/meetingApi.js';
import { useResource, type Resource } from '../../api/useResource.js';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';

/** One meeting as the caller sees it, loaded on mount and on reload(). */
export function useMeeting(meetingId: number): Resource<MeetingDetailView> {
  return useResource(`meeting:${meetingId}`, (signal) => fetchMeeting(meetingId, signal));
}
