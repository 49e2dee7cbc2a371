import { forgetLocalCopies } from '../collab/localCopy.js';
import { apiCachePrefix } from './offlineAnswers.js';

/**
 * On sign-out: removes what this browser keeps of `userId` for working offline, the documents'
 * local copies and the cached API answers (who they are, their meetings). The app shell and its
 * scripts stay; they hold nothing of anyone's.
 */
export async function forgetOfflineData(userId: number): Promise<void> {
  await Promise.all([forgetLocalCopies(userId), forgetCachedAnswers()]);
}

async function forgetCachedAnswers(): Promise<void> {
  // CacheStorage exists in secure contexts only, like the service worker that fills it.
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(apiCachePrefix)).map((name) => caches.delete(name)),
  );
}
