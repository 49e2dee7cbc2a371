/** Bounds on what the audit log takes from callers who need not be signed in. */
export const AuditLimits = {
  /**
   * Characters of a subject kept, the last being `…` when cut: anyone can choose the subject of
   * a refusal (a document name of up to 200) or of a failed sign-in.
   */
  subjectMaxChars: 100,
  /** Refusals of callers without a session are written as one row per address and window. */
  refusalWindowMs: 60_000,
  /** Addresses with a row of their own per window; refusals from any further ones share one row. */
  refusalAddressesPerWindow: 100,
} as const;

/** The `ip` of the row that counts the refusals of addresses past `refusalAddressesPerWindow`. */
export const OTHER_ADDRESSES = '*';
