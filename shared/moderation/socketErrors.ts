/** Messages of socket.io `connect_error`s raised by the server's middleware. */
export const SocketErrorCode = {
  unauthenticated: 'unauthenticated',
  passwordChangeRequired: 'password_change_required',
} as const;

/** Rooms every authenticated socket joins, so that ending a session or a user reaches it. */
export const socketRoomOfSession = (sessionHash: string): string => `session:${sessionHash}`;
export const socketRoomOfUser = (userId: number): string => `user:${userId}`;
