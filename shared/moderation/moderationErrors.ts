/** Why a command was refused; sent to the client in `{ ok: false, error: { code, message } }`. */
export const ModerationErrorCode = {
  /** The command does not fit the schema. */
  invalidCommand: 'invalid_command',
  /** The sender's role may not issue this command. */
  forbidden: 'forbidden',
  /** The meeting does not exist, or the sender is not in it. */
  notFound: 'not_found',
  /** The meeting is not in progress (a draft, being prepared, or closed). */
  notInProgress: 'not_in_progress',
  /** The command was decided on an older state than the latest (two hosts at once). */
  conflict: 'conflict',
  /** Too many commands in a short time. */
  rateLimited: 'rate_limited',
  noPhase: 'no_phase',
  unknownPhase: 'unknown_phase',
  unknownSpeech: 'unknown_speech',
  unknownUser: 'unknown_user',
  speechInProgress: 'speech_in_progress',
  noSpeech: 'no_speech',
  emptyOrder: 'empty_order',
  alreadyPaused: 'already_paused',
  notPaused: 'not_paused',
  noHand: 'no_hand',
  phaseInUse: 'phase_in_use',
  /** The session is over (expired, signed out); the socket is being disconnected. */
  unauthenticated: 'unauthenticated',
  /** Storage failed; nothing was applied. */
  unavailable: 'unavailable',
} as const;

export type ModerationErrorCodeValue =
  (typeof ModerationErrorCode)[keyof typeof ModerationErrorCode];

export interface ModerationError {
  code: ModerationErrorCodeValue;
  message: string;
}

export function moderationError(code: ModerationErrorCodeValue, message: string): ModerationError {
  return { code, message };
}
