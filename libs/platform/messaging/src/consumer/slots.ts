/** Counts free handler slots, so that reads never fetch more than the consumer can start. */
export class Slots {
  private used = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  get free(): number {
    return this.capacity - this.used;
  }

  get busy(): number {
    return this.used;
  }

  take(): void {
    this.used += 1;
  }

  release(): void {
    this.used -= 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once at least `count` slots are free (at once if they are). */
  async whenFree(count = 1): Promise<void> {
    while (this.free < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves once every slot is free or `timeoutMs` passed; true when all are free. */
  async whenIdle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.used > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }
}
