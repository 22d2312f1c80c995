/** Runs of `run` in flight at most; what comes meanwhile waits for the next run. */
const MAX_IN_FLIGHT = 4;
const MAX_ITEMS = 500;

/**
 * Coalesces the calls of a moment into one run: `add` resolves (or rejects) with the run that
 * took its item. The items added during one turn of the event loop, or while MAX_IN_FLIGHT
 * runs are in flight, go together (at most MAX_ITEMS), so that under load one statement does
 * the work of many requests and idle, a call waits one turn at most. A failed run of several
 * items is run again one item at a time, so that only the callers of the items that fail
 * alone are rejected.
 */
export class Coalesced<T> {
  private queued: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly run: (items: T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || !this.queued.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= MAX_IN_FLIGHT || !this.queued.length) return;
    const taken = this.queued.splice(0, MAX_ITEMS);
    this.inFlight += 1;
    try {
      await this.run(taken.map((t) => t.item));
      for (const t of taken) t.resolve();
    } catch (error) {
      if (taken.length === 1) taken[0]!.reject(error);
      // Each item again on its own: one bad item (or tenant) fails only its caller.
      else await Promise.all(taken.map((t) => this.run([t.item]).then(t.resolve, t.reject)));
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
