import { describe, expect, it } from 'vitest';
import { BatchWriter, writeAllOrEach } from '../../../server/src/services/batch-writer.ts';

class Bad extends Error {}
class Down extends Error {}
const isFatal = (err: unknown): boolean => err instanceof Down;

/** A store that records each call's items and refuses any call holding a negative number. */
function store(calls: number[][], down = false): (items: number[]) => Promise<number[]> {
  return async (items) => {
    calls.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (down) throw new Down('database down');
    if (items.some((n) => n < 0)) throw new Bad(`refused ${items.join(',')}`);
    return items.map((n) => n * 10);
  };
}

describe('writeAllOrEach', () => {
  it('writes all items in one call when it succeeds', async () => {
    const calls: number[][] = [];
    expect(await writeAllOrEach([1, 2, 3], store(calls), isFatal)).toEqual([1, 2, 3].map((n) => ({ ok: true, value: n * 10 })));
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('retries a failed batch one item at a time, so only the bad item fails', async () => {
    const calls: number[][] = [];
    const out = await writeAllOrEach([1, -2, 3], store(calls), isFatal);
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    expect(out[1]?.ok === false && out[1].error).toBeInstanceOf(Bad);
    expect(calls).toEqual([[1, -2, 3], [1], [-2], [3]]);
  });

  it('throws a fatal error at once instead of retrying or pinning it on an item', async () => {
    const calls: number[][] = [];
    await expect(writeAllOrEach([1, 2], store(calls, true), isFatal)).rejects.toBeInstanceOf(Down);
    expect(calls).toEqual([[1, 2]]);
  });
});

describe('BatchWriter (group commit)', () => {
  it('writes the first item at once and those handed in meanwhile together, at most maxBatch per write', async () => {
    const calls: number[][] = [];
    const writer = new BatchWriter(store(calls), 3, isFatal);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => writer.write(n)));
    expect(results).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ ok: true, value: n * 10 })));
    expect(calls).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('settles a bad item as failed and the rest of its batch as written', async () => {
    const calls: number[][] = [];
    const writer = new BatchWriter(store(calls), 10, isFatal);
    const results = await Promise.all([1, 2, -3, 4].map((n) => writer.write(n)));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
  });

  it('rejects the items of a batch that hit a fatal error', async () => {
    const writer = new BatchWriter(store([], true), 10, isFatal);
    await expect(writer.write(1)).rejects.toBeInstanceOf(Down);
  });

  it('with a linger, lets a lone item wait for company, and flush() writes what waits at once', async () => {
    const calls: number[][] = [];
    const writer = new BatchWriter(store(calls), 10, isFatal, 60);
    const first = writer.write(1);
    await new Promise((r) => setTimeout(r, 20));
    const second = writer.write(2);
    await Promise.all([first, second]);
    expect(calls).toEqual([[1, 2]]);
    const slow = new BatchWriter(store(calls), 10, isFatal, 60_000);
    const started = Date.now();
    const third = slow.write(3);
    slow.flush();
    await third;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(calls).toEqual([[1, 2], [3]]);
  });

  it('makes producers wait for room while a full batch is queued', async () => {
    const calls: number[][] = [];
    const writer = new BatchWriter(store(calls), 2, isFatal);
    const pending = [writer.write(1), writer.write(2), writer.write(3)];
    let roomed = false;
    const room = writer.room().then(() => (roomed = true));
    expect(roomed).toBe(false);
    await room;
    await Promise.all(pending);
    expect(roomed).toBe(true);
    expect(calls.flat()).toEqual([1, 2, 3]);
  });
});
