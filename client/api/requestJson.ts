import { ApiError, badResponseCode, networkErrorCode, unauthenticatedCode } from './ApiError.js';
import { reportSessionLost } from './sessionLost.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a Blob (a file to upload) is sent as it is. */
  body?: unknown;
  /** Added to the request, e.g. the name of an uploaded file. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * The call asks whether there is a session (who am I, sign out): its 401 is the answer, not
   * news that the session was lost.
   */
  sessionCheck?: boolean;
}

/**
 * JSON to and from `/api` on this origin; resolves with the parsed body of a 2xx answer and
 * rejects with an ApiError otherwise. The session cookie goes along by itself. A 401 saying
 * the caller is not signed in is also reported once, here, so no page has to catch it.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, headers = {}, signal, sessionCheck = false } = options;
  const raw = body instanceof Blob;
  const contentType = raw ? 'application/octet-stream' : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': contentType, ...headers },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, networkErrorCode, String(error));
  }
  const parsed = await readJson(response);
  if (response.ok && parsed !== undefined) return parsed as T;
  const error = toApiError(response.status, parsed);
  if (error.status === 401 && error.code === unauthenticatedCode && !sessionCheck) {
    reportSessionLost();
  }
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // A proxy's HTML error page, say: the status still says what happened.
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, key, params } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(
        status,
        code,
        message,
        typeof key === 'string' ? key : undefined,
        paramsOf(params),
      );
    }
  }
  return new ApiError(status, badResponseCode, `HTTP ${status}`);
}

/** The values of a refusal's message: a flat object of strings and numbers, else none. */
function paramsOf(raw: unknown): Record<string, string | number> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entries = Object.entries(raw).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  return Object.fromEntries(entries);
}
