/**
 * Failed sign-ins per source address in a sliding window: past the limit, the address is told
 * to wait, whichever usernames it tries. Kept in memory: a restart forgets, the lockout of
 * accounts (in the database) does not.
 */
export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts an attempt as failed before its password is checked, so that attempts sent in
   * parallel cannot all pass the check first. False: the address must wait.
   */
  tryAcquire(address: string): boolean {
    const list = this.recent(address);
    if (list.length >= this.limit) return false;
    list.push(this.now());
    this.failures.set(address, list);
    return true;
  }

  /** The attempt taken by `tryAcquire` succeeded: it is not a failure after all. */
  forgive(address: string): void {
    const list = this.recent(address);
    list.pop();
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }
}
