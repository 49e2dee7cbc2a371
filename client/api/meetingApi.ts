import type {
  CandidateView,
  CreateMeetingRequest,
  MeetingDetailView,
  MeetingStatus,
  MeetingSummaryView,
  ParticipantEntry,
  UpdateMeetingRequest,
} from '../../shared/meetings/meetingSchemas.js';
import { requestJson } from './requestJson.js';

type MeetingAnswer = { meeting: MeetingDetailView };

/** The caller's meetings: where they have a role, or are the branch's secretary. */
export async function listMyMeetings(signal?: AbortSignal): Promise<MeetingSummaryView[]> {
  const { meetings } = await requestJson<{ meetings: MeetingSummaryView[] }>('/api/meetings', {
    signal,
  });
  return meetings;
}

export async function createMeeting(request: CreateMeetingRequest): Promise<MeetingDetailView> {
  const { meeting } = await requestJson<MeetingAnswer>('/api/meetings', {
    method: 'POST',
    body: request,
  });
  return meeting;
}

/** The meeting as the caller sees it: only the documents they may read, with canWrite. */
export async function fetchMeeting(
  meetingId: number,
  signal?: AbortSignal,
): Promise<MeetingDetailView> {
  const { meeting } = await requestJson<MeetingAnswer>(`/api/meetings/${meetingId}`, { signal });
  return meeting;
}

export async function updateMeeting(
  meetingId: number,
  changes: UpdateMeetingRequest,
): Promise<MeetingDetailView> {
  const { meeting } = await requestJson<MeetingAnswer>(`/api/meetings/${meetingId}`, {
    method: 'PATCH',
    body: changes,
  });
  return meeting;
}

/** Replaces the whole participant list: one entry per person and role. */
export async function setParticipants(
  meetingId: number,
  entries: ParticipantEntry[],
): Promise<MeetingDetailView> {
  const { meeting } = await requestJson<MeetingAnswer>(`/api/meetings/${meetingId}/participants`, {
    method: 'PUT',
    body: entries,
  });
  return meeting;
}

export async function setMeetingStatus(
  meetingId: number,
  status: MeetingStatus,
): Promise<MeetingDetailView> {
  const { meeting } = await requestJson<MeetingAnswer>(`/api/meetings/${meetingId}/status`, {
    method: 'POST',
    body: { status },
  });
  return meeting;
}

/** Everyone who could be added (managers only), with their role in the meeting's branch. */
export async function fetchCandidates(
  meetingId: number,
  signal?: AbortSignal,
): Promise<CandidateView[]> {
  const { users } = await requestJson<{ users: CandidateView[] }>(
    `/api/meetings/${meetingId}/candidates`,
    { signal },
  );
  return users;
}
