/**
 * The GET answers a document page needs to open again without the network: who is signed in
 * (App's session check) and the meeting (DocumentPage). The service worker keeps exactly these
 * routes, and only these (OFFLINE_ANSWERS in client/public/sw.js).
 */
export function documentPageAnswers(meetingId: number): string[] {
  return ['/api/auth/me', `/api/meetings/${meetingId}`];
}

/** Prefix of the service worker's caches of API answers (API_CACHE in client/public/sw.js). */
export const apiCachePrefix = 'shenghuohui-api';
