import { describe, expect, it } from 'vitest';
import { Slots } from '../../../server/src/http/slots.ts';

describe('Slots', () => {
  it('hands out at most `size`, queues the next caller, and gives up after the wait', async () => {
    const slots = new Slots(2, 50);
    const a = await slots.acquire();
    const b = await slots.acquire();
    expect(slots.inUse).toBe(2);
    expect(await slots.acquire()).toBeUndefined();
    const waiting = slots.acquire(5_000);
    a?.();
    a?.(); // releasing twice frees one slot, not two
    const c = await waiting;
    expect(c).toBeTypeOf('function');
    expect(slots.inUse).toBe(2);
    b?.();
    c?.();
    expect(slots.inUse).toBe(0);
  });
});
