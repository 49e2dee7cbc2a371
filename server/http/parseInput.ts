import type { z } from 'zod';
import { idParamSchema } from '../../shared/auth/authSchemas.js';
import { DomainError } from '../../shared/errors/DomainError.js';

/**
 * Validates input from outside (a body or a query) at the boundary; a 400 `invalid_request`
 * names what is wrong.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new DomainError('invalid_request', { detail: issues.join('; ') });
}

/** A numeric id from a URL path, or a 400 `invalid_request`. */
export function parseId(raw: unknown): number {
  const id = idParamSchema.safeParse(raw);
  if (!id.success) throw new DomainError('invalid_request.id');
  return id.data;
}
