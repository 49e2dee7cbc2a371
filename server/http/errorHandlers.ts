import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isStorageUnavailable } from '../storage/storageErrors.js';
import { HttpError } from './HttpError.js';

/** Unknown `/api` routes answer JSON, not the client's index.html. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route ${req.method} ${req.baseUrl}${req.path}`));
};

/** Renders every error as `{error:{code,message}}` with a fitting status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const { status, code, message } = describe(err);
    if (status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: { code, message } });
  };
}

function describe(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof HttpError) return err;
  // body-parser errors carry a status and a type (e.g. entity.too.large, entity.parse.failed).
  const e = err as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const code = typeof e.type === 'string' ? e.type.replaceAll('.', '_') : 'bad_request';
    return { status: e.status, code, message: String(e.message ?? 'bad request') };
  }
  if (isStorageUnavailable(err)) {
    return { status: 503, code: 'storage_unavailable', message: '数据库暂时不可用，请稍后重试' };
  }
  return { status: 500, code: 'internal', message: 'internal server error' };
}
