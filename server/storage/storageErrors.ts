// PostgreSQL's SQLSTATE classes and codes that mean "the database is not there right now":
// connection exceptions (08), shutdown and crash (57P01-57P03), too many connections (53300).
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// node-postgres reports a dropped connection or a pool timeout by message only.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect/i;

/** True when an error says the database cannot be reached (as opposed to a bug or bad input). */
export function isStorageUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || NETWORK_CODES.has(code))) {
    return true;
  }
  return UNAVAILABLE_MESSAGES.test(err.message);
}
