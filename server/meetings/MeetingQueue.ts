/** Runs work one at a time per meeting, in the order it was queued, across all callers. */
export class MeetingQueue {
  /** The tail of each meeting's queue. */
  private readonly tails = new Map<number, Promise<unknown>>();

  run<T>(meetingId: number, work: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(meetingId) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(meetingId, tail);
    void tail.then(() => {
      if (this.tails.get(meetingId) === tail) this.tails.delete(meetingId);
    });
    return run;
  }
}
