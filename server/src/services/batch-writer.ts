/** One item's result from a batch write: its value, or why it alone could not be written. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Writes `items` in one call of `writeMany` (one transaction); when that fails, writes them one
 * by one so that a bad item costs only itself. An error `isFatal` says is not about the items
 * (the database is down) is thrown instead of being retried or pinned on one of them.
 */
export async function writeAllOrEach<T, R>(items: readonly T[], writeMany: (items: T[]) => Promise<R[]>, isFatal: (err: unknown) => boolean): Promise<Array<Settled<R>>> {
  if (items.length === 0) return [];
  try {
    const values = await writeMany([...items]);
    return items.map((_, i) => ({ ok: true, value: values[i] as R }));
  } catch (err) {
    if (isFatal(err)) throw err;
    if (items.length === 1) return [{ ok: false, error: err }];
  }
  const out: Array<Settled<R>> = [];
  for (const item of items) {
    try {
      out.push({ ok: true, value: ((await writeMany([item])) as R[])[0] as R });
    } catch (err) {
      if (isFatal(err)) throw err;
      out.push({ ok: false, error: err });
    }
  }
  return out;
}

interface Waiting<T, R> {
  item: T;
  /** When it was handed in (ms). */
  at: number;
  settle: (result: Settled<R>) => void;
  fail: (err: unknown) => void;
}

/**
 * Group commit for producers working in parallel: items handed in during a write wait and go
 * together in the next one (up to `maxBatch` per transaction). With `lingerMs` 0 an item handed
 * in while no write is under way is written at once; with more, a write that would carry less
 * than a full batch waits up to that long for others (fewer, larger transactions: each costs
 * round trips and a commit), and `flush()` ends the wait when no more items will come.
 * `room()` is the producers' back-pressure.
 */
export class BatchWriter<T, R> {
  private readonly queue: Array<Waiting<T, R>> = [];
  private readonly roomWaiters: Array<() => void> = [];
  private busy = false;
  private lingering: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;

  constructor(
    private readonly writeMany: (items: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
    private readonly isFatal: (err: unknown) => boolean,
    private readonly lingerMs = 0,
  ) {}

  /** No more items will come: what waits is written without lingering. */
  flush(): void {
    this.flushing = true;
    clearTimeout(this.lingering);
    this.lingering = undefined;
    void this.pump();
  }

  /** Queues one item; settles once its transaction committed (or it alone failed). A fatal error rejects. */
  write(item: T): Promise<Settled<R>> {
    const result = new Promise<Settled<R>>((settle, fail) => this.queue.push({ item, at: Date.now(), settle, fail }));
    void this.pump();
    return result;
  }

  /** Resolves once fewer than a full batch wait, so producers cannot run far ahead of the writes. */
  async room(): Promise<void> {
    while (this.queue.length >= this.maxBatch) await new Promise<void>((r) => this.roomWaiters.push(r));
  }

  private async pump(): Promise<void> {
    if (this.busy || this.queue.length === 0) return;
    // Less than a batch whose oldest item has not waited lingerMs yet: wait for more.
    const waited = Date.now() - (this.queue[0] as Waiting<T, R>).at;
    if (!this.flushing && this.queue.length < this.maxBatch && waited < this.lingerMs) {
      this.lingering ??= setTimeout(() => {
        this.lingering = undefined;
        void this.pump();
      }, this.lingerMs - waited);
      return;
    }
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.busy = true;
    const group = this.queue.splice(0, this.maxBatch);
    for (const wake of this.roomWaiters.splice(0)) wake();
    try {
      const results = await writeAllOrEach(
        group.map((g) => g.item),
        this.writeMany,
        this.isFatal,
      );
      group.forEach((g, i) => g.settle(results[i] as Settled<R>));
    } catch (err) {
      for (const g of group) g.fail(err);
    }
    this.busy = false;
    void this.pump();
  }
}
