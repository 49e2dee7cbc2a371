/** A bad command line: run.ts prints the message and exits with status 2. */
export class BenchUsageError extends Error {}
