import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../shared/errors/DomainError.js';
import { errorBody, type ErrorBody } from '../../shared/errors/errorBody.js';
import { isErrorKey } from '../../shared/errors/errorMessages.js';
import type { ErrorLanguage } from '../../shared/errors/errorText.js';
import { isStorageUnavailable } from '../storage/storageErrors.js';
import { httpStatus } from './httpStatus.js';

/** Unknown `/api` routes answer JSON, not the client's index.html. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new DomainError('not_found.route', { route: `${req.method} ${req.baseUrl}${req.path}` }));
};

/** Renders every error as `{error:{code,message,key,params}}` with its code's status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { error, status } = describe(err);
    if (status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: errorBody(error, languageOf(req)) } satisfies {
      error: ErrorBody;
    });
  };
}

/** The message follows Accept-Language; API callers without one read English. */
function languageOf(req: Request): ErrorLanguage {
  return req.acceptsLanguages('en', 'zh') === 'zh' ? 'zh' : 'en';
}

function describe(err: unknown): { error: DomainError; status: number } {
  if (err instanceof DomainError) return { error: err, status: httpStatus[err.code] };
  // body-parser errors carry a status and a type (e.g. entity.too.large, entity.parse.failed);
  // its status is kept, so that a type the catalog lacks still answers as body-parser meant.
  const e = err as { status?: unknown; type?: unknown };
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const key = typeof e.type === 'string' ? e.type.replaceAll('.', '_') : '';
    return { error: new DomainError(isErrorKey(key) ? key : 'bad_request'), status: e.status };
  }
  const error = new DomainError(isStorageUnavailable(err) ? 'storage_unavailable' : 'internal');
  return { error, status: httpStatus[error.code] };
}
