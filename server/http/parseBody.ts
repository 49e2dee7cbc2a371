import type { z } from 'zod';
import { HttpError } from './HttpError.js';

/** Validates a request body at the boundary; a 400 `invalid_request` names what is wrong. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new HttpError(400, 'invalid_request', issues.join('; '));
}
