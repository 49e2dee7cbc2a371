import { z } from 'zod';

/**
 * Whose sockets to close: one session's, or every session's of a user, or (a password change)
 * every one of a user's but those of the session that made it.
 */
export const socketOwnerSchema = z.union([
  z.object({ sessionHash: z.string().min(1).max(128) }),
  z.object({
    userId: z.number().int().positive(),
    exceptSessionHash: z.string().min(1).max(128).optional(),
  }),
]);
export type SocketOwner = z.infer<typeof socketOwnerSchema>;

/**
 * Rights on some meetings' documents changed: their sync connections close with
 * `CloseCode.accessChanged` and are admitted again. Without `userIds` everyone's connections
 * to those meetings close; with it, those of the users named and to the documents they own.
 */
export const accessChangeSchema = z.object({
  meetingIds: z.array(z.number().int().positive()).max(10_000),
  userIds: z.array(z.number().int().positive()).max(10_000).optional(),
});
export type AccessChange = z.infer<typeof accessChangeSchema>;

/** What one instance tells all (itself included) through the fan-out. */
export const clusterEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('closeSockets'), whose: socketOwnerSchema }),
  z.object({ type: z.literal('accessChanged'), change: accessChangeSchema }),
  /**
   * An instance is back on the fan-out after losing it: what it stored meanwhile was never
   * published, and what others published it never heard, so every instance reloads what it holds.
   */
  z.object({ type: z.literal('catchUp') }),
]);
export type ClusterEvent = z.infer<typeof clusterEventSchema>;
