import type { ErrorParams } from '../../shared/errors/errorText.js';

/** A failed API call: the HTTP status and the `{ error: { code, message, key, params } }` sent. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** 0 when no response arrived (the server or the network is down). */
    readonly status: number,
    readonly code: string,
    message: string,
    /** The catalog key of the refusal (`code` or `code.variant`), when the server sent one. */
    readonly key?: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }

  /** No answer, or one that is not our JSON: the server's message, if any, is not for people. */
  get fromServer(): boolean {
    return this.code !== networkErrorCode && this.code !== badResponseCode;
  }
}

export const networkErrorCode = 'network_error';
export const badResponseCode = 'bad_response';
/** The server's code for a request without a (live) session. */
export const unauthenticatedCode = 'unauthenticated';
