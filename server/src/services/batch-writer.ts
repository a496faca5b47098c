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
  settle: (result: Settled<R>) => void;
  fail: (err: unknown) => void;
}

/**
 * Group commit for producers working in parallel: an item handed in while no write is under way
 * is written at once; those handed in during a write wait and go together in the next one (up
 * to `maxBatch` per transaction). Writing never waits for a batch to fill, so a slow producer
 * loses nothing and fast ones share transactions. `room()` is the producers' back-pressure.
 */
export class BatchWriter<T, R> {
  private readonly queue: Array<Waiting<T, R>> = [];
  private readonly roomWaiters: Array<() => void> = [];
  private busy = false;

  constructor(
    private readonly writeMany: (items: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
    private readonly isFatal: (err: unknown) => boolean,
  ) {}

  /** Queues one item; settles once its transaction committed (or it alone failed). A fatal error rejects. */
  write(item: T): Promise<Settled<R>> {
    const result = new Promise<Settled<R>>((settle, fail) => this.queue.push({ item, settle, fail }));
    void this.pump();
    return result;
  }

  /** Resolves once fewer than a full batch wait, so producers cannot run far ahead of the writes. */
  async room(): Promise<void> {
    while (this.queue.length >= this.maxBatch) await new Promise<void>((r) => this.roomWaiters.push(r));
  }

  private async pump(): Promise<void> {
    if (this.busy || this.queue.length === 0) return;
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
