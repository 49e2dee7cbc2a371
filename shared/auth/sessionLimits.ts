/** How the server holds open connections to their sessions. */
export const SessionLimits = {
  /**
   * How often the server looks for connections whose session passed its lifetime (or may have
   * gone idle) and closes them. The check on every write or command does not wait for this.
   */
  sweepIntervalMs: 500,
} as const;
