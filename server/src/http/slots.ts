/**
 * A counting semaphore with a bounded wait: at most `size` holders at once; a caller that
 * cannot get a slot within `waitMs` is told so instead of queueing forever.
 */
export class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly size: number,
    /** How long `acquire` waits for a slot by default. */
    readonly waitMs = 10_000,
  ) {}

  /** Resolves a release function, or undefined when no slot came free within `waitMs`. */
  acquire(waitMs: number = this.waitMs): Promise<(() => void) | undefined> {
    if (this.used < this.size) {
      this.used++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const grant = (): void => {
        clearTimeout(timer);
        this.used++;
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(undefined);
      }, waitMs);
      this.waiting.push(grant);
    });
  }

  /** How many slots are held now. */
  get inUse(): number {
    return this.used;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used--;
      this.waiting.shift()?.();
    };
  }
}
