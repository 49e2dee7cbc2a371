import type { RequestHandler } from 'express';
import { DomainError } from '../../shared/errors/DomainError.js';

const NUL_REFUSED = 'the request contains a NUL character';

/**
 * No text we store may hold U+0000: PostgreSQL refuses it in `text` columns (a 500 where a 400
 * belongs) and no person types it. Refused in the address here and in JSON bodies by `nulReviver`.
 */
export const refuseNulInAddress: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.originalUrl)) throw new DomainError('invalid_request.nul');
  next();
};

/** A JSON.parse reviver for express.json: body-parser answers what it throws with a 400. */
export function nulReviver(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw new Error(NUL_REFUSED);
  return value;
}
